using System.Net;
using System.Net.Sockets;
using Dintero.Connections.Auth;
using Dintero.Connections.Errors;
using Dintero.Connections.Http;
using Dintero.Connections.Engine.Tests.Support;

namespace Dintero.Connections.Engine.Tests.Http;

/// <summary>
/// Retry timing, with a fake network: backoff grows exponentially with jitter and stays under its cap, and a
/// POST is repeated only when the connection failed before anything was sent.
/// </summary>
public sealed class BackoffTests
{
    [Fact]
    public async Task Backoff_doubles_with_jitter_and_is_capped()
    {
        var network = new ScriptedNetwork(Enumerable.Repeat<Func<HttpRequestMessage, HttpResponseMessage>>(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable), 6));
        var clock = new ManualClock();
        using var client = Client(network, clock, new RetryOptions { MaxRetries = 5, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(6) });

        await Assert.ThrowsAsync<DinteroApiException>(() => client.GetAccountSettingsAsync(TestData.AccountId));

        var delays = clock.Delays.Select(d => d.TotalSeconds).ToList();
        Assert.Equal(5, delays.Count);
        Assert.InRange(delays[0], 0.5, 1.0);
        Assert.InRange(delays[1], 1.0, 2.0);
        Assert.InRange(delays[2], 2.0, 4.0);
        Assert.InRange(delays[3], 4.0, 6.0);
        Assert.Equal(6.0, delays[4]);
        Assert.Equal(6, network.ApiCalls);
    }

    [Fact]
    public async Task A_POST_is_repeated_when_the_connection_was_refused_before_sending()
    {
        var refused = new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused));
        var network = new ScriptedNetwork(new Func<HttpRequestMessage, HttpResponseMessage>[]
        {
            _ => throw refused,
            _ => Json("{\"status\":\"pending\"}"),
        });
        using var client = Client(network, new ManualClock(), new RetryOptions());

        var connection = await client.CreateBamboraConnectionAsync(TestData.AccountId, TestData.BamboraSignup());

        Assert.Equal("pending", connection.status);
        Assert.Equal(2, network.ApiCalls);
    }

    [Fact]
    public async Task A_POST_is_not_repeated_when_the_connection_reset_under_way()
    {
        var reset = new HttpRequestException("reset", new IOException("closed", new SocketException((int)SocketError.ConnectionReset)));
        var network = new ScriptedNetwork(new Func<HttpRequestMessage, HttpResponseMessage>[] { _ => throw reset, _ => Json("{}") });
        using var client = Client(network, new ManualClock(), new RetryOptions());

        var error = await Assert.ThrowsAsync<DinteroTransportException>(() => client.CreateBamboraConnectionAsync(TestData.AccountId, TestData.BamboraSignup()));

        Assert.True(error.RequestMayHaveReachedServer);
        Assert.Equal(1, network.ApiCalls);
    }

    private static DinteroApi Client(ScriptedNetwork network, ManualClock clock, RetryOptions retry) =>
        new(new DinteroApiOptions
        {
            BaseUri = new Uri("https://api.dintero.example/v1"),
            Credential = new DinteroCredential(TestData.ClientId, TestData.ClientSecret),
            Retry = retry,
        }, network, clock);

    private static HttpResponseMessage Json(string body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };

    /// <summary>Answers token requests with a token and API requests from a script.</summary>
    private sealed class ScriptedNetwork : HttpMessageHandler
    {
        private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> script;

        public ScriptedNetwork(IEnumerable<Func<HttpRequestMessage, HttpResponseMessage>> script) => this.script = new(script);

        public int ApiCalls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/auth/token"))
            {
                return Task.FromResult(Json("{\"access_token\":\"eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.sig\",\"token_type\":\"Bearer\",\"expires_in\":3600}"));
            }
            ApiCalls++;
            return Task.FromResult(script.Dequeue()(request));
        }
    }
}
