using Dintero.Connections.Errors;
using Dintero.Connections.Http;
using Dintero.Connections.Logging;
using Dintero.Connections.Session;
using Dintero.Connections.Tests.Support;

namespace Dintero.Connections.Tests.Session;

/// <summary>The per-runspace session over real HTTP: connect fetches a token at once; log lines reach the caller's scope.</summary>
public sealed class DinteroSessionTests
{
    private static DinteroClientOptions Options(TestEnvironment env, string secret = TestData.ClientSecret) =>
        new ConnectSettings { AccountId = TestData.AccountId, ClientId = TestData.ClientId, ClientSecret = secret, BaseUri = env.Emulator.BaseUri.AbsoluteUri }
            .ToClientOptions(_ => null, out _);

    [Fact]
    public async Task Connect_fetches_a_token_at_once_and_becomes_current()
    {
        await using var env = await TestEnvironment.StartAsync();
        var session = new DinteroSession();

        var context = await session.ConnectAsync(Options(env), TestData.AccountId, CancellationToken.None);

        Assert.Same(context, session.Current);
        Assert.Equal(1, env.Requests.TokenRequests);
        Assert.Equal("Test", context.Environment);
        Assert.True(context.TokenExpiresAt > DateTimeOffset.UtcNow.AddMinutes(50));
        Assert.DoesNotContain(TestData.ClientSecret, context.ToString());
        await context.GetClient().GetAccountSettingsAsync(TestData.AccountId);
        Assert.Equal(1, env.Requests.TokenRequests);
    }

    [Fact]
    public async Task Wrong_credentials_fail_at_connect_and_leave_the_session_as_it_was()
    {
        await using var env = await TestEnvironment.StartAsync();
        var session = new DinteroSession();

        var error = await env.FailsWith<DinteroApiException>(() => session.ConnectAsync(Options(env, "not-the-secret-1234"), TestData.AccountId, CancellationToken.None));

        Assert.Equal("AuthenticationError", ErrorReport.From(error).Category);
        Assert.Null(session.Current);
    }

    [Fact]
    public async Task Disconnect_closes_the_context_and_forgets_its_tokens()
    {
        await using var env = await TestEnvironment.StartAsync();
        var session = new DinteroSession();
        var context = await session.ConnectAsync(Options(env), TestData.AccountId, CancellationToken.None);

        var closed = session.Disconnect();

        Assert.Same(context, closed);
        Assert.Null(session.Current);
        Assert.False(context.IsConnected);
        Assert.Equal(0, session.Tokens.Count);
        var error = Assert.Throws<ObjectDisposedException>(() => context.GetClient());
        Assert.Contains("Connect-Dintero", error.Message);
        Assert.Null(session.Disconnect());
    }

    [Fact]
    public async Task Log_lines_go_to_the_scope_of_the_call_that_made_them_at_its_level()
    {
        await using var env = await TestEnvironment.StartAsync();
        var context = await new DinteroSession().ConnectAsync(Options(env), TestData.AccountId, CancellationToken.None);
        var verbose = new List<DinteroLogEntry>();
        var debug = new List<DinteroLogEntry>();

        var first = Task.Run(async () =>
        {
            using (LogScope.Begin(verbose.Add, DinteroLogLevel.Verbose)) await context.GetClient().GetAccountSettingsAsync(TestData.AccountId);
        });
        var second = Task.Run(async () =>
        {
            using (LogScope.Begin(debug.Add, DinteroLogLevel.Debug)) await context.GetClient().GetAccountSettingsAsync(TestData.AccountId);
        });
        await Task.WhenAll(first, second);
        await context.GetClient().GetAccountSettingsAsync(TestData.AccountId); // outside any scope: logs nowhere

        var line = Assert.Single(verbose);
        Assert.Matches(@"^GET /v1/accounts/T00000001/management/settings -> 200 OK \(\d+ ms\)$", line.Message);
        Assert.Contains(debug, entry => entry.Level == DinteroLogLevel.Debug && entry.Message.Contains("response headers"));
        Assert.Single(debug, entry => entry.Level == DinteroLogLevel.Verbose);
    }
}
