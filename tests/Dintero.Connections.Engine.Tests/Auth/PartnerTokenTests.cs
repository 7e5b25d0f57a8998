using System.Text.Json.Nodes;
using Dintero.Connections.Errors;
using Dintero.Connections.Engine.Tests.Support;
using Dintero.Emulator.Faults;

namespace Dintero.Connections.Engine.Tests.Auth;

/// <summary>
/// A partner's client reaches its merchants as Dintero documents (docs.dintero.com, "Get API access to a merchant
/// account"): its own token buys an exchange token for the merchant, which buys the merchant's token. Over real HTTP
/// against an emulator that authorizes as Dintero does: nothing else reaches a merchant.
/// </summary>
public sealed class PartnerTokenTests
{
    private static int Exchanges(TestEnvironment env, string? merchant = null) =>
        env.Requests.Entries.Count(entry => entry.Path.EndsWith("/auth/exchange_token", StringComparison.Ordinal) && (merchant == null || entry.Body.Contains(merchant)));

    private static int MerchantTokens(TestEnvironment env, string merchant) => env.Requests.Count("POST", $"/accounts/{merchant}/auth/token");

    [Fact]
    public async Task Each_merchant_costs_one_exchange_and_one_token_however_many_calls_use_it()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.PartnerApi();

        for (var i = 0; i < 5; i++)
        {
            await client.GetAccountSettingsAsync(TestData.Merchant);
            await client.GetAccountSettingsAsync(TestData.MerchantWithoutOrganization);
        }

        Assert.Equal(1, env.Requests.Count("POST", $"/accounts/{TestData.PartnerId}/auth/token"));
        Assert.Equal(1, Exchanges(env, TestData.Merchant));
        Assert.Equal(1, Exchanges(env, TestData.MerchantWithoutOrganization));
        Assert.Equal(1, MerchantTokens(env, TestData.Merchant));
        Assert.Equal(1, MerchantTokens(env, TestData.MerchantWithoutOrganization));
        Assert.Equal(10, env.Requests.Count("GET", "/management/settings"));
        Assert.DoesNotContain(env.Requests.Entries, entry => entry.Status >= 400);
    }

    [Fact]
    public async Task An_exchange_token_refused_at_the_merchant_token_step_renews_the_chain_once_and_the_call_goes_through()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.PartnerApi();
        await client.GetAccountSettingsAsync(TestData.PartnerId);
        // Tokens revoked between the exchange and the merchant's token: Dintero answers that step 401 once.
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = $"/v1/accounts/{TestData.Merchant}/auth/token", Status = 401, Body = "{\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":\"The token has been revoked.\"}}" });

        var settings = await client.GetAccountSettingsAsync(TestData.Merchant);

        Assert.Equal(TestData.Merchant, settings.account_id);
        Assert.Equal(2, Exchanges(env, TestData.Merchant));
        Assert.Equal(2, MerchantTokens(env, TestData.Merchant));
        // The partner's own token was renewed too: it may have been revoked with the exchange token.
        Assert.Equal(2, env.Requests.Count("POST", $"/accounts/{TestData.PartnerId}/auth/token"));
    }

    [Fact]
    public async Task The_chain_is_what_Dintero_documents_exchange_with_the_partner_token_then_a_token_for_the_partner_s_audience()
    {
        await using var env = await TestEnvironment.StartAsync();

        await env.PartnerApi().GetAccountSettingsAsync(TestData.Merchant);

        var tokens = env.Requests.Entries.Where(entry => entry.Path.Contains("/auth/")).ToList();
        Assert.Equal(new[] { $"/v1/accounts/{TestData.PartnerId}/auth/token", $"/v1/accounts/{TestData.PartnerId}/auth/exchange_token", $"/v1/accounts/{TestData.Merchant}/auth/token" }, tokens.Select(t => t.Path));
        Assert.Equal(new[] { "Basic", "Bearer", "Bearer" }, tokens.Select(t => t.AuthorizationScheme));
        Assert.Equal(TestData.Merchant, JsonNode.Parse(tokens[1].Body)!["account_id"]!.GetValue<string>());
        var merchantToken = JsonNode.Parse(tokens[2].Body)!;
        Assert.Equal("client_credentials", merchantToken["grant_type"]!.GetValue<string>());
        Assert.EndsWith($"/v1/accounts/{TestData.PartnerId}", merchantToken["audience"]!.GetValue<string>());
    }

    [Fact]
    public async Task Concurrent_rows_for_one_merchant_wait_for_one_exchange()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = "/v1/accounts/*/auth/exchange_token", DelayMilliseconds = 300 });
        var client = env.PartnerApi();

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => client.GetAccountSettingsAsync(TestData.Merchant)));

        Assert.Equal(1, Exchanges(env));
        Assert.Equal(1, MerchantTokens(env, TestData.Merchant));
        Assert.Equal(16, env.Requests.Count("GET", "/management/settings"));
    }

    [Fact]
    public async Task Merchant_tokens_are_renewed_shortly_before_they_expire_through_a_new_exchange()
    {
        await using var env = await TestEnvironment.StartAsync(manualClock: true, options => options.TokenLifetime = TimeSpan.FromHours(1));
        var client = env.PartnerApi();
        await client.GetAccountSettingsAsync(TestData.Merchant);

        env.Clock!.Advance(TimeSpan.FromMinutes(49));
        await client.GetAccountSettingsAsync(TestData.Merchant);
        Assert.Equal(1, Exchanges(env));

        env.Clock.Advance(TimeSpan.FromMinutes(2));
        await client.GetAccountSettingsAsync(TestData.Merchant);

        Assert.Equal(2, Exchanges(env));
        Assert.Equal(2, MerchantTokens(env, TestData.Merchant));
        // The partner's own token was as old: it was renewed once too, before the exchange.
        Assert.Equal(2, env.Requests.Count("POST", $"/accounts/{TestData.PartnerId}/auth/token"));
        Assert.DoesNotContain(env.Requests.Entries, entry => entry.Status >= 400);
    }

    [Fact]
    public async Task A_401_renews_the_whole_chain_once_and_the_call_succeeds()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.PartnerApi();
        await client.GetAccountSettingsAsync(TestData.Merchant);

        // Dintero revokes every token: the merchant's is refused, and so is the partner's at the next exchange.
        env.Emulator.Tokens.RevokeAll();
        var settings = await client.GetAccountSettingsAsync(TestData.Merchant);

        Assert.Equal(TestData.Merchant, settings.account_id);
        Assert.Equal(2, env.Requests.Count("POST", $"/accounts/{TestData.PartnerId}/auth/token"));
        Assert.Equal(3, Exchanges(env)); // the first, one refused with the revoked partner token, one with the new one
        Assert.Equal(2, MerchantTokens(env, TestData.Merchant));
        Assert.Equal(2, env.Requests.Entries.Count(entry => entry.Status == 401));
    }

    [Fact]
    public async Task Revoked_partner_credentials_end_in_one_clear_error_without_a_storm_of_requests()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.PartnerApi();
        await client.GetAccountSettingsAsync(TestData.Merchant);
        env.Emulator.Tokens.RevokeClient(TestData.PartnerClientId);

        var first = await env.FailsWith<DinteroAccessException>(() => client.GetAccountSettingsAsync(TestData.Merchant));
        var before = env.Requests.Entries.Count;
        var later = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => env.FailsWith<DinteroAccessException>(() => client.GetAccountSettingsAsync(TestData.MerchantWithoutOrganization))));

        Assert.Equal(DinteroAccessFailure.CredentialsRefused, first.Failure);
        Assert.Contains($"API client '{TestData.PartnerClientId}'", first.Message);
        Assert.True(ErrorReport.From(first).EndsCommand);
        Assert.All(later, error => Assert.Same(first, error));
        Assert.Equal(before, env.Requests.Entries.Count); // twenty more rows: not one more request
    }

    [Fact]
    public async Task A_merchant_the_partner_does_not_have_fails_alone_and_is_asked_for_once()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.PartnerApi();

        var errors = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => env.FailsWith<DinteroAccessException>(() => client.GetAccountSettingsAsync(TestData.ForeignAccount))));
        var own = await client.GetAccountSettingsAsync(TestData.Merchant);

        Assert.All(errors, error => Assert.Equal(DinteroAccessFailure.NotPartnerMerchant, error.Failure));
        Assert.StartsWith($"{TestData.ForeignAccount} is not a merchant of partner {TestData.PartnerId}", errors[0].Message);
        Assert.Equal(403, errors[0].Answer!.StatusCode);
        Assert.False(ErrorReport.From(errors[0]).EndsCommand);
        Assert.Equal(RecordCategory.PermissionDenied, ErrorReport.From(errors[0]).Category);
        Assert.Equal(1, Exchanges(env, TestData.ForeignAccount));
        Assert.Equal(0, env.Requests.Count("GET", $"/accounts/{TestData.ForeignAccount}/management/settings"));
        Assert.Equal(TestData.Merchant, own.account_id);
    }

    [Fact]
    public async Task A_partner_s_own_account_is_reached_with_its_own_token()
    {
        await using var env = await TestEnvironment.StartAsync();

        var own = await env.PartnerApi().GetAccountSettingsAsync(TestData.PartnerId);

        Assert.Equal(TestData.PartnerId, own.account_id);
        Assert.Equal(0, Exchanges(env));
    }

    [Fact]
    public async Task The_exchange_and_merchant_tokens_are_masked_in_every_log_line()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.PartnerApi();
        await client.GetAccountSettingsAsync(TestData.Merchant);
        env.Emulator.Tokens.RevokeAll();
        await client.GetAccountSettingsAsync(TestData.Merchant);

        // Every token the emulator issued, exchange and merchant tokens included, is scanned for when the environment closes.
        Assert.True(env.Emulator.Tokens.Issued.Count >= 6);
        Assert.Contains(env.Transcript.Lines, line => line.Contains("Authorization: Bearer ***"));
        Assert.Contains(env.Transcript.Lines, line => line.Contains("Exchanging the partner token of " + TestData.PartnerId));
    }
}
