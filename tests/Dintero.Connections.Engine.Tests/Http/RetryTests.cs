using Dintero.Connections.Errors;
using Dintero.Connections.Http;
using Dintero.Connections.Engine.Tests.Support;
using Dintero.Emulator.Faults;

namespace Dintero.Connections.Engine.Tests.Http;

/// <summary>What is retried, what is not, and how long the client waits, over real HTTP against the emulator.</summary>
public sealed class RetryTests
{
    private const string Common = "/v1/accounts/*/management/settings/connections/common";
    private const string Settings = "/v1/accounts/*/management/settings";

    [Fact]
    public async Task A_429_is_retried_after_the_Retry_After_it_gives()
    {
        await using var env = await TestEnvironment.StartAsync(manualClock: true);
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Common, Status = 429, RetryAfterSeconds = 3 });
        var client = env.Api();

        var connection = await client.CreateCommonConnectionAsync(TestData.AccountId, TestData.CommonSignup());

        Assert.Equal("pending", connection.status);
        Assert.Equal(new[] { TimeSpan.FromSeconds(3) }, env.Clock!.Delays);
        Assert.Equal(new[] { 429, 200 }, env.Requests.Entries.Where(e => e.Path.EndsWith("/common")).Select(e => e.Status));
        Assert.Contains(env.Transcript.Entries, entry => entry.Level == Dintero.Connections.Logging.DinteroLogLevel.Warning && entry.Message.Contains("429"));
    }

    [Fact]
    public async Task A_429_holds_the_client_s_other_requests_until_the_wait_is_over()
    {
        await using var env = await TestEnvironment.StartAsync(manualClock: true);
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Common, Status = 429, RetryAfterSeconds = 7 });
        var client = env.Api();
        await client.CreateCommonConnectionAsync(TestData.AccountId, TestData.CommonSignup());

        // The manual clock has not moved: for this client, Dintero's 7 s are not over, so the next request waits them
        // out before it is sent, although it never got a 429 itself.
        await client.GetAccountSettingsAsync(TestData.AccountId);

        Assert.Equal(new[] { TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7) }, env.Clock!.Delays);
        Assert.Equal(new[] { 200 }, env.Requests.Entries.Where(e => e.Path.EndsWith("/management/settings")).Select(e => e.Status));
        Assert.Contains(env.Transcript.Entries, entry => entry.Message.Contains("waiting 7.0 s before sending"));

        // Once the time has passed, nothing waits.
        env.Clock.Advance(TimeSpan.FromSeconds(8));
        await client.GetAccountSettingsAsync(TestData.AccountId);
        Assert.Equal(2, env.Clock.Delays.Count);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_cap_ends_the_call_with_the_wait_asked()
    {
        await using var env = await TestEnvironment.StartAsync(manualClock: true);
        env.Emulator.Faults.Add(new Fault { Method = "GET", Path = Settings, Status = 429, RetryAfterSeconds = 600 });
        var client = env.Api(options => options.Retry.MaxRetryAfter = TimeSpan.FromSeconds(30));

        var error = await env.FailsWith<DinteroApiException>(() => client.GetAccountSettingsAsync(TestData.AccountId));

        Assert.Equal(429, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(600), error.RetryAfter);
        Assert.Contains("600 s", error.Advice);
        Assert.Empty(env.Clock!.Delays);
        Assert.Equal(1, env.Requests.Count("GET", "/management/settings"));
    }

    [Fact]
    public async Task Persistent_429s_give_up_after_the_retry_budget()
    {
        await using var env = await TestEnvironment.StartAsync(manualClock: true);
        env.Emulator.Faults.Add(new Fault { Method = "GET", Path = Settings, Status = 429, RetryAfterSeconds = 1, Times = -1 });
        var client = env.Api(options => options.Retry.MaxRetries = 2);

        var error = await env.FailsWith<DinteroApiException>(() => client.GetAccountSettingsAsync(TestData.AccountId));

        Assert.Equal(429, error.StatusCode);
        Assert.Equal(3, env.Requests.Count("GET", "/management/settings"));
        Assert.Equal(2, env.Clock!.Delays.Count);
    }

    [Fact]
    public async Task A_GET_survives_two_503s()
    {
        await using var env = await TestEnvironment.StartAsync(manualClock: true);
        env.Emulator.Faults.Add(new Fault { Method = "GET", Path = Settings, Status = 503, Times = 2 });
        var client = env.Api();

        var settings = await client.GetAccountSettingsAsync(TestData.AccountId);

        Assert.Equal(TestData.AccountId, settings.account_id);
        Assert.Equal(new[] { 503, 503, 200 }, env.Requests.Entries.Where(e => e.Method == "GET").Select(e => e.Status));
        Assert.Equal(2, env.Clock!.Delays.Count);
        Assert.True(env.Clock.Delays[1] > TimeSpan.Zero);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    public async Task A_GET_is_retried_after_gateway_errors(int status)
    {
        await using var env = await TestEnvironment.StartAsync(manualClock: true);
        env.Emulator.Faults.Add(new Fault { Method = "GET", Path = Settings, Status = status });
        var client = env.Api();

        await client.GetAccountSettingsAsync(TestData.AccountId);

        Assert.Equal(new[] { status, 200 }, env.Requests.Entries.Where(e => e.Method == "GET").Select(e => e.Status));
    }

    [Fact]
    public async Task A_GET_is_not_retried_after_a_500()
    {
        await using var env = await TestEnvironment.StartAsync(manualClock: true);
        env.Emulator.Faults.Add(new Fault { Method = "GET", Path = Settings, Status = 500 });
        var client = env.Api();

        var error = await env.FailsWith<DinteroApiException>(() => client.GetAccountSettingsAsync(TestData.AccountId));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal("INTERNAL_ERROR", error.Code);
        Assert.Equal(1, env.Requests.Count("GET", "/management/settings"));
    }

    [Fact]
    public async Task A_GET_whose_connection_drops_is_retried()
    {
        await using var env = await TestEnvironment.StartAsync(manualClock: true);
        env.Emulator.Faults.Add(new Fault { Method = "GET", Path = Settings, Drop = true });
        var client = env.Api();

        var settings = await client.GetAccountSettingsAsync(TestData.AccountId);

        Assert.Equal(TestData.AccountId, settings.account_id);
        Assert.Equal(2, env.Requests.Count("GET", "/management/settings"));
    }

    [Fact]
    public async Task A_POST_answered_503_is_not_sent_again()
    {
        await using var env = await TestEnvironment.StartAsync(manualClock: true);
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Common, Status = 503 });
        var client = env.Api();

        var error = await env.FailsWith<DinteroApiException>(() => client.CreateCommonConnectionAsync(TestData.AccountId, TestData.CommonSignup()));

        Assert.Equal(503, error.StatusCode);
        Assert.Contains("not sent again", error.Advice);
        Assert.Equal(1, env.Requests.Count("POST", "/connections/common"));
        Assert.Empty(env.Clock!.Delays);
    }

    [Fact]
    public async Task A_POST_whose_answer_timed_out_is_not_sent_twice()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Common, AfterProcessing = true, DelayMilliseconds = 6000 });
        var client = env.Api(options => options.RequestTimeout = TimeSpan.FromMilliseconds(1500));
        // Token first, so the timeout measures only the POST even on a cold, slow machine.
        await client.AuthenticateAsync(TestData.AccountId);

        var error = await env.FailsWith<DinteroTransportException>(() => client.CreateCommonConnectionAsync(TestData.AccountId, TestData.CommonSignup()));

        Assert.True(error.RequestMayHaveReachedServer);
        Assert.Equal("Dintero.Transport.OutcomeUnknown", error.ErrorId);
        Assert.Contains("Get-DinteroConnection", error.Message);
        Assert.Equal(1, env.Requests.Count("POST", "/connections/common"));
        // It did reach Dintero: reading it back finds it.
        var stored = await client.GetCommonConnectionAsync(TestData.AccountId);
        Assert.Equal("pending", stored.status);
    }

    [Fact]
    public async Task A_POST_whose_connection_dropped_after_processing_is_not_sent_twice()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Common, AfterProcessing = true, Drop = true });
        var client = env.Api();

        var error = await env.FailsWith<DinteroTransportException>(() => client.CreateCommonConnectionAsync(TestData.AccountId, TestData.CommonSignup()));

        Assert.True(error.RequestMayHaveReachedServer);
        Assert.Equal(1, env.Requests.Count("POST", "/connections/common"));
    }

    [Fact]
    public async Task Nothing_listening_is_a_not_sent_error_after_the_retries()
    {
        var port = FreePort();
        var clock = new ManualClock();
        var transcript = new Transcript();
        using var client = new DinteroApi(
            new DinteroApiOptions
            {
                BaseUri = new Uri($"http://127.0.0.1:{port}/v1"),
                Credential = new Dintero.Connections.Auth.DinteroCredential(TestData.ClientId, TestData.ClientSecret),
                Log = transcript,
                Retry = new RetryOptions { MaxRetries = 2 },
            },
            primaryHandler: null,
            clock);

        var error = await Assert.ThrowsAsync<DinteroTransportException>(() => client.GetAccountSettingsAsync(TestData.AccountId));
        transcript.Exception(error);

        Assert.False(error.RequestMayHaveReachedServer);
        Assert.Equal("Dintero.Transport.NotSent", error.ErrorId);
        Assert.Contains("after 3 attempts", error.Message);
        Assert.Equal(2, clock.Delays.Count);
        Transcript.AssertClean(transcript.Lines, TestData.Secrets);
    }

    [Fact]
    public async Task A_malformed_answer_is_a_readable_error()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Api();
        await client.CreateCommonConnectionAsync(TestData.AccountId, TestData.CommonSignup());
        env.Emulator.Faults.Add(new Fault { Method = "GET", Path = Common, Malformed = true });

        var error = await env.FailsWith<DinteroTransportException>(() => client.GetCommonConnectionAsync(TestData.AccountId));

        Assert.Contains("not a CommonConnection", error.Message);
    }

    [Fact]
    public async Task An_HTML_error_page_from_a_proxy_is_a_readable_error()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.Faults.Add(new Fault
        {
            Method = "POST",
            Path = Common,
            Status = 502,
            ContentType = "text/html",
            Body = "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>nginx</p></body></html>",
        });
        var client = env.Api();

        var error = await env.FailsWith<DinteroApiException>(() => client.CreateCommonConnectionAsync(TestData.AccountId, TestData.CommonSignup()));

        Assert.Equal(502, error.StatusCode);
        Assert.Contains("not a Dintero error body (text/html): 502 Bad Gateway", error.DinteroMessage);
        Assert.DoesNotContain("<", error.Message);
        Assert.Equal(1, env.Requests.Count("POST", "/connections/common"));
    }

    [Fact]
    public async Task Cancellation_stops_a_call_in_flight()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.Faults.Add(new Fault { Method = "GET", Path = Settings, DelayMilliseconds = 30_000 });
        var client = env.Api();
        using var cancel = new CancellationTokenSource();

        var call = client.GetAccountSettingsAsync(TestData.AccountId, cancel.Token);
        // Cancel only once the request is at the server, however slow the machine is to get it there.
        await env.Emulator.Requests.WaitForAsync("GET", "/management/settings", TimeSpan.FromSeconds(20));
        cancel.Cancel();

        // Without cancellation the call would succeed after the 30 s delay instead of throwing.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, env.Requests.Count("GET", "/management/settings"));
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
