using Dintero.Connections.Validation;
using Dintero.Connections.Kinds;
using Dintero.Connections.Errors;
using Dintero.Connections.Engine.Tests.Support;
using Dintero.Connections.Waiting;

namespace Dintero.Connections.Engine.Tests.Waiting;

/// <summary>Following a signup to the end, against the emulator, which enables connections after a delay or on request.</summary>
public sealed class StatusWaiterTests
{
    // The emulator stamps times to the second, so a connection is enabled 2 to 3 s after its signup here.
    private static WaitOptions Quick(TimeSpan timeout) => new() { PollInterval = TimeSpan.FromMilliseconds(100), MaxPollInterval = TimeSpan.FromMilliseconds(200), Timeout = timeout };

    [Fact]
    public async Task Waits_until_the_connection_is_enabled_and_returns_it()
    {
        await using var env = await TestEnvironment.StartAsync(configure: options => options.EnableAfter = TimeSpan.FromSeconds(3));
        var client = env.Api();
        await client.CreateCommonConnectionAsync(TestData.AccountId, TestData.CommonSignup());
        var waiter = new StatusWaiter(Quick(TimeSpan.FromSeconds(20)), concurrentReads: 2);

        var connection = await waiter.WaitAsync(Follow.Connection(client, ConnectionKinds.Common, TestData.AccountId), CancellationToken.None);

        Assert.Equal("enabled", connection.status);
        Assert.Equal("enabled", connection.last_event);
        Assert.True(env.Requests.Count("GET", "/connections/common") > 1, "The connection was read only once: it was enabled before the wait began.");
        Assert.Equal("1 enabled", waiter.Tally.ToString());
    }

    [Fact]
    public async Task A_connection_still_pending_at_the_timeout_is_an_error_naming_its_last_status()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Api();
        await client.CreateCommonConnectionAsync(TestData.AccountId, TestData.CommonSignup());
        var waiter = new StatusWaiter(Quick(TimeSpan.FromMilliseconds(500)), concurrentReads: 2);

        var error = await env.FailsWith<DinteroWaitException>(() => waiter.WaitAsync(Follow.Connection(client, ConnectionKinds.Common, TestData.AccountId), CancellationToken.None));

        Assert.True(error.TimedOut);
        Assert.Equal("pending", error.LastStatus);
        Assert.Equal("Dintero.Wait.TimedOut", error.ErrorId);
        Assert.Contains("still pending", error.Message);
        Assert.Contains("last event: signature_required", error.Message);
        Assert.Equal(RecordCategory.OperationTimeout, ErrorReport.From(error).Category);
        Assert.Equal("1 timed out", waiter.Tally.ToString());
    }

    [Fact]
    public async Task A_connection_that_ends_declined_is_an_error_at_once()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Api();
        await client.CreateCommonConnectionAsync(TestData.AccountId, TestData.CommonSignup());
        env.Emulator.MoveConnection(TestData.AccountId, "common", "declined", "kyc_declined", "The merchant did not pass KYC");
        var waiter = new StatusWaiter(Quick(TimeSpan.FromMinutes(5)), concurrentReads: 2);

        var error = await env.FailsWith<DinteroWaitException>(() => waiter.WaitAsync(Follow.Connection(client, ConnectionKinds.Common, TestData.AccountId), CancellationToken.None));

        Assert.False(error.TimedOut);
        Assert.Equal(("declined", "Dintero.Wait.declined"), (error.LastStatus, error.ErrorId));
        Assert.Contains("kyc_declined", error.Message);
        Assert.Equal("declined", error.Connection!.status);
        Assert.Equal(1, env.Requests.Count("GET", "/connections/common"));
        Assert.Equal(RecordCategory.InvalidResult, ErrorReport.From(error).Category);
    }

    [Fact]
    public void The_pause_between_reads_grows_to_a_ceiling()
    {
        var options = new WaitOptions { PollInterval = TimeSpan.FromSeconds(5), MaxPollInterval = TimeSpan.FromSeconds(20), Backoff = 1.5 };

        var pauses = new List<TimeSpan> { options.PollInterval };
        for (var i = 0; i < 5; i++) pauses.Add(options.NextInterval(pauses[^1]));

        Assert.Equal(new[] { 5.0, 7.5, 11.25, 16.875, 20, 20 }, pauses.Select(p => p.TotalSeconds));
    }

    [Theory]
    [InlineData("enabled", true)]
    [InlineData("failed", true)]
    [InlineData("declined", true)]
    [InlineData("pending", false)]
    [InlineData(null, false)]
    public void Only_enabled_failed_and_declined_are_final(string? status, bool final) => Assert.Equal(final, KnownValues.IsFinal(status));
}
