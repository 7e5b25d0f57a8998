using Dintero.Connections.Auth;
using Dintero.Connections.Errors;
using Dintero.Connections.Engine.Tests.Support;

namespace Dintero.Connections.Engine.Tests.Auth;

/// <summary>The token cache over real HTTP: one token request serves many calls, until shortly before expiry.</summary>
public sealed class TokenCacheTests
{
    [Fact]
    public async Task Many_calls_cost_exactly_one_token_request()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Api();

        for (var i = 0; i < 10; i++) await client.GetAccountSettingsAsync(TestData.AccountId);

        Assert.Equal(1, env.Requests.TokenRequests);
        Assert.Equal(10, env.Requests.Count("GET", "/management/settings"));
        Assert.All(env.Requests.Entries.Where(e => e.Method == "GET"), entry => Assert.Equal("Bearer", entry.AuthorizationScheme));
    }

    [Fact]
    public async Task Concurrent_callers_share_one_token_request()
    {
        await using var env = await TestEnvironment.StartAsync(configure: options => options.TokenLifetime = TimeSpan.FromHours(1));
        env.Emulator.Faults.Add(new Emulator.Faults.Fault { Method = "POST", Path = "/v1/accounts/*/auth/token", DelayMilliseconds = 300 });
        var client = env.Api();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GetAccountSettingsAsync(TestData.AccountId)));

        Assert.Equal(1, env.Requests.TokenRequests);
        Assert.Equal(20, env.Requests.Count("GET", "/management/settings"));
    }

    [Fact]
    public async Task A_token_is_renewed_shortly_before_it_expires_not_earlier()
    {
        await using var env = await TestEnvironment.StartAsync(manualClock: true, options => options.TokenLifetime = TimeSpan.FromHours(1));
        var client = env.Api();
        await client.GetAccountSettingsAsync(TestData.AccountId);

        env.Clock!.Advance(TimeSpan.FromMinutes(49));
        await client.GetAccountSettingsAsync(TestData.AccountId);
        Assert.Equal(1, env.Requests.TokenRequests);

        // Inside the last ten minutes the token is no longer used, so a call never races the expiry.
        env.Clock.Advance(TimeSpan.FromMinutes(2));
        await client.GetAccountSettingsAsync(TestData.AccountId);
        Assert.Equal(2, env.Requests.TokenRequests);
        Assert.Equal(3, env.Requests.Count("GET", "/management/settings"));
        Assert.All(env.Requests.Entries.Where(e => e.Method == "GET"), entry => Assert.Equal(200, entry.Status));
    }

    [Fact]
    public async Task An_expired_token_is_replaced_without_a_failed_call()
    {
        await using var env = await TestEnvironment.StartAsync(manualClock: true, options => options.TokenLifetime = TimeSpan.FromMinutes(5));
        var client = env.Api();
        await client.AuthenticateAsync(TestData.AccountId);

        env.Clock!.Advance(TimeSpan.FromMinutes(6));
        var settings = await client.GetAccountSettingsAsync(TestData.AccountId);

        Assert.Equal(TestData.AccountId, settings.account_id);
        Assert.Equal(2, env.Requests.TokenRequests);
        Assert.DoesNotContain(env.Requests.Entries, entry => entry.Status == 401);
    }

    [Fact]
    public async Task The_lifetime_is_read_from_expires_in()
    {
        await using var env = await TestEnvironment.StartAsync(manualClock: true, options => options.TokenLifetime = TimeSpan.FromSeconds(90));
        var client = env.Api();

        var info = await client.AuthenticateAsync(TestData.AccountId);

        Assert.Equal(env.Clock!.UtcNow.AddSeconds(90), info.ExpiresAt);
        // A 90 s token is renewed half-way: at 44 s it is still used, at 46 s it is not.
        env.Clock.Advance(TimeSpan.FromSeconds(44));
        await client.AuthenticateAsync(TestData.AccountId);
        Assert.Equal(1, env.Requests.TokenRequests);
        env.Clock.Advance(TimeSpan.FromSeconds(2));
        await client.AuthenticateAsync(TestData.AccountId);
        Assert.Equal(2, env.Requests.TokenRequests);
    }

    [Fact]
    public async Task A_401_drops_the_token_and_replays_the_call_once()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Api();
        await client.GetAccountSettingsAsync(TestData.AccountId);

        env.Emulator.Tokens.RevokeAll();
        var settings = await client.GetAccountSettingsAsync(TestData.AccountId);

        Assert.Equal(TestData.AccountId, settings.account_id);
        Assert.Equal(2, env.Requests.TokenRequests);
        var gets = env.Requests.Entries.Where(e => e.Method == "GET").Select(e => e.Status).ToList();
        Assert.Equal(new[] { 200, 401, 200 }, gets);
    }

    [Fact]
    public async Task A_401_replay_of_a_post_sends_the_signup_once_more_only()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Api();
        await client.AuthenticateAsync(TestData.AccountId);
        env.Emulator.Tokens.RevokeAll();

        var connection = await client.CreateCommonConnectionAsync(TestData.AccountId, TestData.CommonSignup());

        Assert.Equal("pending", connection.status);
        var posts = env.Requests.Entries.Where(e => e.Path.EndsWith("/common")).Select(e => e.Status).ToList();
        Assert.Equal(new[] { 401, 200 }, posts);
    }

    [Fact]
    public async Task A_401_that_persists_is_reported_not_looped()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.Faults.Add(new Emulator.Faults.Fault { Method = "GET", Path = "/v1/accounts/*/management/settings", Status = 401, Times = -1 });
        var client = env.Api();

        var error = await env.FailsWith<DinteroApiException>(() => client.GetAccountSettingsAsync(TestData.AccountId));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal(2, env.Requests.Count("GET", "/management/settings"));
        Assert.Equal(2, env.Requests.TokenRequests);
    }

    [Fact]
    public async Task A_client_reaches_its_own_account_only()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Api();
        await client.GetAccountSettingsAsync(TestData.AccountId);

        var error = await env.FailsWith<DinteroAccessException>(() => client.GetAccountSettingsAsync(TestData.Merchant));

        Assert.Equal(DinteroAccessFailure.OtherAccount, error.Failure);
        Assert.Equal(403, error.Answer!.StatusCode);
        Assert.Contains($"The API client of account {TestData.AccountId} cannot reach account {TestData.Merchant}", error.Message);
        Assert.False(ErrorReport.From(error).EndsCommand);
        Assert.Equal(0, env.Requests.Count("GET", $"/accounts/{TestData.Merchant}/management/settings"));
        // Its own account still works, with the token it had.
        await client.GetAccountSettingsAsync(TestData.AccountId);
        Assert.Equal(2, env.Requests.TokenRequests);
    }

    [Fact]
    public async Task Clients_sharing_a_session_cache_share_tokens()
    {
        await using var env = await TestEnvironment.StartAsync();
        var cache = new TokenCache();

        await env.Api(cache: cache).GetAccountSettingsAsync(TestData.AccountId);
        await env.Api(cache: cache).GetAccountSettingsAsync(TestData.AccountId);

        Assert.Equal(1, env.Requests.TokenRequests);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task A_closed_client_forgets_only_the_tokens_of_the_accounts_it_used()
    {
        await using var env = await TestEnvironment.StartAsync();
        var cache = new TokenCache();
        var closing = env.Api(cache: cache);
        var staying = env.PartnerApi(cache: cache);
        await closing.GetAccountSettingsAsync(TestData.AccountId);
        await staying.GetAccountSettingsAsync(TestData.Merchant);
        Assert.Equal(3, cache.Count); // the merchant client's, the partner's own and its merchant's

        closing.Dispose();

        Assert.Equal(2, cache.Count);
        await staying.GetAccountSettingsAsync(TestData.Merchant);
        Assert.Equal(3, env.Requests.TokenRequests);
        Assert.Equal(1, env.Requests.Count("POST", "/auth/exchange_token"));
    }

    [Fact]
    public async Task A_changed_secret_does_not_reuse_the_old_secret_s_token()
    {
        await using var env = await TestEnvironment.StartAsync();
        var cache = new TokenCache();
        await env.Api(cache: cache).GetAccountSettingsAsync(TestData.AccountId);

        var error = await env.FailsWith<DinteroAccessException>(() => env.Api(cache: cache, secret: "a-wrong-secret-value").GetAccountSettingsAsync(TestData.AccountId));

        Assert.Equal(401, error.Answer!.StatusCode);
        Assert.Equal(2, env.Requests.TokenRequests);
    }

    [Fact]
    public async Task Bad_credentials_fail_with_a_clear_error_that_holds_no_secret()
    {
        await using var env = await TestEnvironment.StartAsync();
        const string wrongSecret = "wrong-secret-4455667788";
        var client = env.Api(secret: wrongSecret);

        var error = await env.FailsWith<DinteroAccessException>(() => client.AuthenticateAsync(TestData.AccountId));

        Assert.Equal(DinteroAccessFailure.CredentialsRefused, error.Failure);
        Assert.Equal(401, error.Answer!.StatusCode);
        Assert.Contains("Invalid client credentials", error.Message);
        Assert.Contains($"API client '{TestData.ClientId}'", error.Message);
        Assert.EndsWith("/auth/token", error.Answer.RequestPath);
        Transcript.AssertClean(env.Transcript.Lines, new[] { wrongSecret });
        Assert.Equal("Basic", env.Requests.Entries.Single().AuthorizationScheme);
    }

    [Fact]
    public async Task A_token_request_answered_429_waits_as_asked()
    {
        await using var env = await TestEnvironment.StartAsync(manualClock: true);
        env.Emulator.Faults.Add(new Emulator.Faults.Fault { Method = "POST", Path = "/v1/accounts/*/auth/token", Status = 429, RetryAfterSeconds = 7 });
        var client = env.Api();

        await client.AuthenticateAsync(TestData.AccountId);

        Assert.Equal(new[] { TimeSpan.FromSeconds(7) }, env.Clock!.Delays);
        Assert.Equal(2, env.Requests.TokenRequests);
    }
}
