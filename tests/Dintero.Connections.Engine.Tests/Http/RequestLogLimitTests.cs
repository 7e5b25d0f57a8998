using Dintero.Connections.Engine.Tests.Support;

namespace Dintero.Connections.Engine.Tests.Http;

/// <summary>
/// The emulator's request log keeps every request by default; with a limit (EmulatorOptions.RequestLogLimit,
/// <c>--request-log-limit</c>) only the last so many, so that a benchmark's hundreds of thousands of requests do not grow
/// it without bound, and what it answers is of those it keeps.
/// </summary>
public sealed class RequestLogLimitTests
{
    [Fact]
    public async Task With_a_limit_the_log_keeps_the_last_requests_and_counts_those()
    {
        await using var env = await TestEnvironment.StartAsync(configure: options => options.RequestLogLimit = 4);
        var client = env.Api();

        for (var i = 0; i < 6; i++) await client.GetAccountSettingsAsync(TestData.AccountId);
        var entries = env.Requests.Entries;

        // A token, then six reads: the token request and the first two reads have left the log.
        Assert.Equal(4, entries.Count);
        Assert.All(entries, entry => Assert.Equal($"/v1/accounts/{TestData.AccountId}/management/settings", entry.Path));
        Assert.Equal(0, env.Requests.TokenRequests);
        Assert.Equal(4, env.Requests.Count("GET", "/management/settings"));

        await client.GetAccountSettingsAsync(TestData.AccountId);
        var later = env.Requests.Entries;
        Assert.Equal(4, later.Count);
        Assert.Equal(entries.Skip(1).Select(entry => entry.RequestId), later.Take(3).Select(entry => entry.RequestId));
    }

    [Fact]
    public async Task Without_a_limit_the_log_keeps_every_request()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Api();

        for (var i = 0; i < 6; i++) await client.GetAccountSettingsAsync(TestData.AccountId);

        Assert.Equal(7, env.Requests.Entries.Count);
        Assert.Equal(1, env.Requests.TokenRequests);
    }
}
