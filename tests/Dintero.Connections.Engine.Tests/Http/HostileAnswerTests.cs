using System.Net;
using System.Net.Sockets;
using Dintero.Connections.Errors;
using Dintero.Connections.Kinds;
using Dintero.Connections.Models;
using Dintero.Connections.Rows;
using Dintero.Connections.Signups;
using Dintero.Connections.Engine.Tests.Support;
using Dintero.Emulator.Faults;

namespace Dintero.Connections.Engine.Tests.Http;

/// <summary>
/// Only Dintero's answers count, over real loopback HTTP: a redirect is an error naming where it pointed (nothing is
/// sent there, nothing sent again), and a 2xx that is not the object Dintero answers is settled by reading back, as a
/// lost answer is, never counted as created.
/// </summary>
public sealed class HostileAnswerTests
{
    private const string Common = "/v1/accounts/*/management/settings/connections/common";

    /// <summary>A host that records every connection made to it: where a followed redirect would have gone.</summary>
    private sealed class Elsewhere : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private int connections;

        public Elsewhere()
        {
            listener.Start();
            _ = AcceptAsync();
        }

        public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/collect");

        public int Connections => Volatile.Read(ref connections);

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    using var client = await listener.AcceptTcpClientAsync();
                    Interlocked.Increment(ref connections);
                }
            }
            catch (ObjectDisposedException)
            {
            }
            catch (SocketException)
            {
            }
        }

        public void Dispose() => listener.Stop();
    }

    private static Task<RowResult<CommonConnection>> SignUp(Dintero.Connections.Http.DinteroApi client, string accountId)
    {
        var checkedSignup = ConnectionKinds.Common.Check(TestData.CommonSignup());
        var run = new RowRunner<SignupAsk<CommonConnection>, CommonConnection>(new SignupSpec<CommonConnection>(client, ConnectionKinds.Common), force: false);
        return run.RunAsync(accountId, 0, new SignupAsk<CommonConnection>(checkedSignup.Signup, token => client.CreateConnectionAsync(checkedSignup, accountId, token)), CancellationToken.None);
    }

    [Fact]
    public async Task A_redirect_of_a_signup_is_not_followed_its_body_goes_nowhere_and_it_is_not_created()
    {
        using var elsewhere = new Elsewhere();
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Api();
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Common, Status = 307, Headers = new() { ["Location"] = elsewhere.Address.AbsoluteUri } });

        var failure = await env.FailsWith<DinteroApiException>(() => SignUp(client, TestData.AccountId));

        Assert.Equal("Dintero.Redirected", failure.ErrorId);
        Assert.Equal(elsewhere.Address.AbsoluteUri, failure.RedirectedTo);
        Assert.Contains("not followed", failure.Message);
        Assert.False(failure.OutcomeUnknown);
        Assert.True(ErrorReport.From(failure).EndsCommand);
        await Task.Delay(200);
        Assert.Equal(0, elsewhere.Connections);
        Assert.Equal(1, env.Requests.Count("POST", "/connections/common"));
    }

    [Fact]
    public async Task A_redirect_of_a_token_request_is_not_followed_either()
    {
        using var elsewhere = new Elsewhere();
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = "/v1/accounts/*/auth/token", Status = 307, Headers = new() { ["Location"] = elsewhere.Address.AbsoluteUri } });

        var failure = await env.FailsWith<DinteroApiException>(() => env.Api().GetAccountSettingsAsync(TestData.AccountId));

        Assert.Equal(307, failure.StatusCode);
        await Task.Delay(200);
        Assert.Equal(0, elsewhere.Connections);
        Assert.Equal(1, env.Requests.TokenRequests);
    }

    [Fact]
    public async Task An_empty_2xx_to_a_signup_is_settled_by_reading_back_and_is_not_created_when_nothing_was_stored()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Api();
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Common, Status = 200, Body = "{}" });

        var failure = await env.FailsWith<DinteroReadBackException>(() => SignUp(client, TestData.AccountId));

        Assert.Equal(ReadBackFinding.NotStored, failure.Finding);
        Assert.Contains("it has no status", failure.Message);
        // The read-back: a GET of the connection after the POST.
        Assert.Equal(1, env.Requests.Count("GET", "/management/settings/connections/common"));
    }

    [Fact]
    public async Task An_empty_2xx_after_the_signup_was_stored_counts_as_created_only_once_reading_back_proves_it()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Api();
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Common, Status = 200, Body = "{}", AfterProcessing = true });

        var outcome = await SignUp(client, TestData.AccountId);

        Assert.Equal(RowOutcome.Created, outcome.Outcome);
        Assert.Equal("pending", outcome.Made?.status);
        Assert.Contains("reading the Common connection back found", outcome.Reason);
    }

    [Fact]
    public async Task A_wait_longer_than_MaxRetryAfter_is_not_made_and_the_error_says_no_retry_was_made()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.Faults.Add(new Fault { Method = "GET", Path = "/v1/accounts/*/management/settings", Status = 429, RetryAfterSeconds = 600 });

        var failure = await env.FailsWith<DinteroApiException>(() => env.Api().GetAccountSettingsAsync(TestData.AccountId));

        Assert.Equal(TimeSpan.FromSeconds(600), failure.WaitRefused);
        Assert.Equal(0, failure.Retries);
        Assert.Contains("no retry was made", failure.Advice);
        Assert.DoesNotContain("after the client's retries", failure.Message);
        Assert.True(ErrorReport.From(failure).EndsCommand);
        Assert.Equal(1, env.Requests.Count("GET", "/management/settings"));
    }

    [Fact]
    public async Task A_throttling_give_up_after_retries_counts_them()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.Faults.Add(new Fault { Method = "GET", Path = "/v1/accounts/*/management/settings", Status = 429, RetryAfterSeconds = 0, Times = -1 });

        var failure = await env.FailsWith<DinteroApiException>(() => env.Api(options => options.Retry.MaxRetries = 2).GetAccountSettingsAsync(TestData.AccountId));

        Assert.Null(failure.WaitRefused);
        Assert.Equal(2, failure.Retries);
        Assert.Contains("after 2 retries", failure.Advice);
        Assert.False(ErrorReport.From(failure).EndsCommand);
    }
}
