using Dintero.Connections.Errors;
using Dintero.Connections.Logging;
using Dintero.Connections.Session;
using Dintero.Connections.Engine.Tests.Support;

namespace Dintero.Connections.Engine.Tests.Session;

/// <summary>The per-runspace session over real HTTP: connect fetches a token at once; log lines reach the caller's scope.</summary>
public sealed class DinteroSessionTests
{
    private static ConnectTarget Target(TestEnvironment env, string secret = TestData.ClientSecret, string account = TestData.AccountId, string client = TestData.ClientId) =>
        new ConnectSettings { AccountId = account, ClientId = client, ClientSecret = secret, BaseUri = env.Emulator.BaseUri.AbsoluteUri }
            .Resolve(_ => null);

    [Fact]
    public async Task Connect_fetches_a_token_at_once_and_becomes_current()
    {
        await using var env = await TestEnvironment.StartAsync();
        var session = new DinteroSession();

        var context = await session.ConnectAsync(Target(env), CancellationToken.None);

        Assert.Same(context, session.Context);
        Assert.Equal(1, env.Requests.TokenRequests);
        Assert.Equal("Test", context.Environment);
        Assert.Equal(TestData.ClientId, context.ClientId);
        Assert.True(context.TokenExpiresAt > DateTimeOffset.UtcNow.AddMinutes(50));
        Assert.DoesNotContain(TestData.ClientSecret, context.ToString());
        await context.GetApi().GetAccountSettingsAsync(TestData.AccountId);
        Assert.Equal(1, env.Requests.TokenRequests);
    }

    [Fact]
    public async Task Wrong_credentials_fail_at_connect_and_leave_the_session_as_it_was()
    {
        await using var env = await TestEnvironment.StartAsync();
        var session = new DinteroSession();

        var error = await env.FailsWith<DinteroAccessException>(() => session.ConnectAsync(Target(env, "not-the-secret-1234"), CancellationToken.None));

        Assert.Equal(RecordCategory.AuthenticationError, ErrorReport.From(error).Category);
        Assert.Equal(DinteroAccessFailure.CredentialsRefused, error.Failure);
        Assert.Equal(401, error.Answer!.StatusCode);
        Assert.True(ErrorReport.From(error).EndsCommand);
        Assert.Null(session.Context);
    }

    [Fact]
    public async Task Disconnect_closes_the_context_and_forgets_its_tokens()
    {
        await using var env = await TestEnvironment.StartAsync();
        var session = new DinteroSession();
        var context = await session.ConnectAsync(Target(env), CancellationToken.None);

        var closed = session.Disconnect();

        Assert.Same(context, closed);
        Assert.Null(session.Context);
        Assert.False(context.IsConnected);
        Assert.Equal(0, session.Tokens.Count);
        var error = Assert.Throws<ObjectDisposedException>(() => context.GetApi());
        Assert.Contains("Connect-Dintero", error.Message);
        Assert.Null(session.Disconnect());
    }

    [Fact]
    public async Task Disconnect_leaves_other_contexts_their_tokens()
    {
        await using var env = await TestEnvironment.StartAsync();
        var session = new DinteroSession();
        var kept = await session.ConnectAsync(Target(env, TestData.PartnerClientSecret, TestData.PartnerId, TestData.PartnerClientId), CancellationToken.None);
        await session.ConnectAsync(Target(env), CancellationToken.None);
        Assert.Equal(2, env.Requests.TokenRequests);

        session.Disconnect();

        Assert.Equal(1, session.Tokens.Count);
        Assert.True(kept.IsConnected);
        await kept.GetApi().GetAccountSettingsAsync(TestData.PartnerId);
        Assert.Equal(2, env.Requests.TokenRequests);
    }

    [Fact]
    public async Task Log_lines_go_to_the_scope_of_the_call_that_made_them_at_its_level()
    {
        await using var env = await TestEnvironment.StartAsync();
        var context = await new DinteroSession().ConnectAsync(Target(env), CancellationToken.None);
        var verbose = new ListSink(DinteroLogLevel.Verbose);
        var debug = new ListSink(DinteroLogLevel.Debug);

        var first = Task.Run(async () =>
        {
            using (LogScope.Begin(verbose)) await context.GetApi().GetAccountSettingsAsync(TestData.AccountId);
        });
        var second = Task.Run(async () =>
        {
            using (LogScope.Begin(debug)) await context.GetApi().GetAccountSettingsAsync(TestData.AccountId);
        });
        await Task.WhenAll(first, second);
        await context.GetApi().GetAccountSettingsAsync(TestData.AccountId); // outside any scope: logs nowhere

        var line = Assert.Single(verbose.Entries);
        Assert.Matches(@"^GET /v1/accounts/T00000001/management/settings -> 200 OK \(\d+ ms\)$", line.Message);
        Assert.Contains(debug.Entries, entry => entry.Level == DinteroLogLevel.Debug && entry.Message.Contains("response headers"));
        Assert.Single(debug.Entries, entry => entry.Level == DinteroLogLevel.Verbose);
    }
}
