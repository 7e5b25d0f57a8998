using Dintero.Connections.Errors;
using Dintero.Connections.Engine.Tests.Support;
using Dintero.Emulator.Faults;

namespace Dintero.Connections.Engine.Tests.Http;

/// <summary>What an error gives Dintero's support: the status, the time, the request id, the answer's headers.</summary>
public sealed class RequestTraceTests
{
    private const string Settings = "/v1/accounts/*/management/settings";

    [Fact]
    public async Task A_500_carries_its_status_time_and_the_request_id_Dintero_received()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.Faults.Add(new Fault { Method = "GET", Path = Settings, Status = 500 });
        var client = env.Api(options => options.Retry.MaxRetries = 0);
        var before = DateTimeOffset.UtcNow.AddSeconds(-2);

        var error = await env.FailsWith<DinteroApiException>(() => client.GetAccountSettingsAsync(TestData.AccountId));

        var logged = env.Requests.Entries.Single(entry => entry.Path.EndsWith("/management/settings"));
        Assert.Equal(500, error.StatusCode);
        Assert.NotNull(error.Trace);
        Assert.Equal(logged.RequestId, error.Trace!.RequestId);
        Assert.Null(error.Trace.AnsweredHeader);
        Assert.InRange(error.Trace.At, before, DateTimeOffset.UtcNow.AddSeconds(2));
        Assert.Contains($"Request id {logged.RequestId} (sent as X-Request-Id)", error.Message);
        Assert.Contains("application/json", error.ResponseHeaders["content-type"]);
        Assert.Contains("Date", error.ResponseHeaders.Keys, StringComparer.OrdinalIgnoreCase);
        Assert.Contains(logged.RequestId!, ErrorReport.From(error).RecommendedAction);
    }

    [Fact]
    public async Task Every_attempt_has_an_id_of_its_own_and_the_error_names_the_last()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.Faults.Add(new Fault { Method = "GET", Path = Settings, Status = 503, Times = -1 });
        var client = env.Api(options => options.Retry.MaxRetries = 2);

        var error = await env.FailsWith<DinteroApiException>(() => client.GetAccountSettingsAsync(TestData.AccountId));

        var ids = env.Requests.Entries.Where(entry => entry.Path.EndsWith("/management/settings")).Select(entry => entry.RequestId).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal(3, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(Guid.TryParse(id, out _)));
        Assert.Equal(ids[^1], error.Trace!.RequestId);
        // The token request carried one too.
        Assert.NotNull(env.Requests.Entries.First(entry => entry.Path.EndsWith("/auth/token")).RequestId);
    }

    [Fact]
    public async Task An_id_in_the_answer_is_preferred_to_the_one_sent()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.Faults.Add(new Fault { Method = "GET", Path = Settings, Status = 502, Headers = new() { ["X-Amzn-RequestId"] = "gw-7d1c" } });
        var client = env.Api(options => options.Retry.MaxRetries = 0);

        var error = await env.FailsWith<DinteroApiException>(() => client.GetAccountSettingsAsync(TestData.AccountId));

        Assert.Equal("gw-7d1c", error.Trace!.RequestId);
        Assert.Equal("X-Amzn-RequestId", error.Trace.AnsweredHeader);
        Assert.Equal("gw-7d1c", error.ResponseHeaders["x-amzn-requestid"]);
    }

    [Fact]
    public async Task A_dropped_POST_s_outcome_unknown_error_names_the_request_that_may_have_arrived()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = "/v1/accounts/*/management/settings/connections/common", Drop = true, AfterProcessing = true });
        var client = env.Api();

        var error = await env.FailsWith<DinteroTransportException>(() => client.CreateCommonConnectionAsync(TestData.AccountId, TestData.CommonSignup()));

        Assert.Equal("Dintero.Transport.OutcomeUnknown", error.ErrorId);
        Assert.Equal(env.Requests.Entries.Single(entry => entry.Method == "POST" && entry.Path.EndsWith("/common")).RequestId, error.Trace!.RequestId);
    }

    [Fact]
    public async Task A_throttling_give_up_has_its_own_ErrorId_and_says_nothing_was_processed()
    {
        await using var env = await TestEnvironment.StartAsync(manualClock: true);
        env.Emulator.Faults.Add(new Fault { Method = "GET", Path = Settings, Status = 429, RetryAfterSeconds = 1, Times = -1 });
        var client = env.Api(options => options.Retry.MaxRetries = 1);

        var error = await env.FailsWith<DinteroApiException>(() => client.GetAccountSettingsAsync(TestData.AccountId));

        Assert.Equal(DinteroApiException.ThrottledErrorId, error.ErrorId);
        Assert.True(error.IsThrottled);
        Assert.Equal("1", error.ResponseHeaders["Retry-After"]);
        var report = ErrorReport.From(error);
        Assert.Equal("Dintero.Throttled", report.ErrorId);
        Assert.Equal(RecordCategory.LimitsExceeded, report.Category);
        Assert.Contains("Nothing was processed", report.RecommendedAction);
    }
}
