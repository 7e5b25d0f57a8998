using System.Net;
using Dintero.Connections.Errors;
using Dintero.Connections.Http.Proxy;
using Dintero.Connections.Engine.Tests.Support;
using Dintero.Connections.Kinds;
using Dintero.Emulator.Network;

namespace Dintero.Connections.Engine.Tests.Http;

/// <summary>
/// Every request through a real forward proxy (tinyproxy on 127.0.0.1), token requests included: the emulator logs the
/// Via header the proxy adds, so a request that went around the proxy shows up without one.
/// </summary>
public sealed class ProxyTests
{
    private static void AssertAllThroughProxy(TestEnvironment env, int atLeast)
    {
        var entries = env.Requests.Entries;
        Assert.True(entries.Count >= atLeast, $"Expected at least {atLeast} requests, the emulator saw {entries.Count}.");
        Assert.All(entries, entry => Assert.Contains(ForwardProxy.ViaName, entry.Via ?? "(came directly)"));
    }

    [ProxyFact]
    public async Task A_connect_and_signup_session_sends_every_request_token_included_through_the_proxy_given()
    {
        await using var proxy = await ForwardProxy.StartAsync();
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Api(options => options.Proxy = new ProxySettings { Address = proxy.Address });

        await client.AuthenticateAsync(TestData.AccountId);
        var created = await client.CreateCommonConnectionAsync(TestData.AccountId, TestData.CommonSignup());
        await client.GetConnectionAsync(ConnectionKinds.Named("Common"), TestData.AccountId);

        Assert.Equal("pending", created.status);
        Assert.Equal(1, env.Requests.TokenRequests);
        Assert.Equal(3, env.Requests.Entries.Count);
        AssertAllThroughProxy(env, 3);
        Assert.Equal(3, proxy.RequestLines.Count);
        Assert.StartsWith("http://127.0.0.1:", client.Proxy);
        Assert.EndsWith("(given)", client.Proxy);
    }

    [ProxyFact]
    public async Task A_partner_s_exchange_and_merchant_tokens_go_through_the_proxy_too()
    {
        await using var proxy = await ForwardProxy.StartAsync();
        await using var env = await TestEnvironment.StartAsync();
        var client = env.PartnerApi(options => options.Proxy = new ProxySettings { Address = proxy.Address });

        await client.GetAccountSettingsAsync(TestData.Merchant);

        // The partner's token, the exchange, the merchant's token, the call.
        Assert.Equal(4, env.Requests.Entries.Count);
        AssertAllThroughProxy(env, 4);
    }

    [ProxyFact]
    public async Task A_proxy_that_asks_for_credentials_gets_them_and_its_password_is_never_logged()
    {
        const string password = "Proxy-Password-6613";
        await using var proxy = await ForwardProxy.StartAsync("ops", password);
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Api(options => options.Proxy = new ProxySettings { Address = proxy.Address, Credential = new NetworkCredential("ops", password) });

        await client.AuthenticateAsync(TestData.AccountId);
        await client.CreateCommonConnectionAsync(TestData.AccountId, TestData.CommonSignup());

        Assert.Equal(2, env.Requests.Entries.Count);
        Assert.Equal(1, env.Requests.Count("POST", "/connections/common"));
        AssertAllThroughProxy(env, 2);
        // .NET answers the proxy's 407 challenge: each request reached the proxy once without and once with credentials.
        Assert.Equal(4, proxy.RequestLines.Count);
        Transcript.AssertClean(env.Transcript.Lines, new[] { password });
    }

    [ProxyFact]
    public async Task A_proxy_that_asks_for_credentials_none_were_given_for_is_a_407_of_the_proxy_and_nothing_reaches_Dintero()
    {
        await using var proxy = await ForwardProxy.StartAsync("ops", "Proxy-Password-6613");
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Api(options => options.Proxy = new ProxySettings { Address = proxy.Address });

        var error = await env.FailsWith<DinteroProxyException>(() => client.AuthenticateAsync(TestData.AccountId));

        Assert.Equal(DinteroProxyFailure.AuthenticationRequired, error.Failure);
        Assert.Equal("Dintero.Proxy.AuthenticationRequired", error.ErrorId);
        Assert.Equal(proxy.Address, error.Proxy);
        Assert.Contains("407", error.Message);
        Assert.Contains("none were given", error.Message);
        Assert.True(ErrorReport.From(error).EndsCommand);
        Assert.Empty(env.Requests.Entries);
        // Not retried: the proxy would answer the same.
        Assert.Single(proxy.RequestLines);
    }

    [ProxyFact(NeedsTinyproxy = false)]
    public async Task A_proxy_that_cannot_be_reached_is_named_and_nothing_reaches_Dintero()
    {
        await using var env = await TestEnvironment.StartAsync();
        var nowhere = new Uri($"http://127.0.0.1:{ForwardProxy.FreePort()}/");
        var client = env.Api(options => options.Proxy = new ProxySettings { Address = nowhere });

        var error = await env.FailsWith<DinteroProxyException>(() => client.AuthenticateAsync(TestData.AccountId));

        Assert.Equal(DinteroProxyFailure.Unreachable, error.Failure);
        Assert.Equal("Dintero.Proxy.Unreachable", error.ErrorId);
        Assert.Contains($"could not connect to the proxy {nowhere}", error.Message);
        Assert.Contains("4 attempts", error.Message);
        Assert.NotNull(error.Trace);
        Assert.Empty(env.Requests.Entries);
    }

    [ProxyFact]
    public async Task HTTP_PROXY_is_honoured_and_NO_PROXY_goes_around_it()
    {
        await using var proxy = await ForwardProxy.StartAsync();
        await using var env = await TestEnvironment.StartAsync();
        var viaEnvironment = env.Api(options => options.Environment = name => name == "HTTP_PROXY" ? proxy.Address.AbsoluteUri : null);

        await viaEnvironment.GetAccountSettingsAsync(TestData.AccountId);

        AssertAllThroughProxy(env, 2);
        Assert.EndsWith("from the environment", viaEnvironment.Proxy);

        env.Requests.Clear();
        var bypassing = env.Api(options => options.Environment = name => name switch
        {
            "http_proxy" => proxy.Address.AbsoluteUri,
            "NO_PROXY" => "localhost,127.0.0.1",
            _ => null,
        });
        await bypassing.GetAccountSettingsAsync(TestData.AccountId);
        Assert.Equal(2, env.Requests.Entries.Count);
        Assert.All(env.Requests.Entries, entry => Assert.Null(entry.Via));
    }

    [Fact]
    public void Proxy_settings_are_checked_with_the_accepted_forms()
    {
        Assert.Contains("accepted: http, https", new ProxySettings { Address = new Uri("socks5://127.0.0.1:1080") }.Problem());
        Assert.Contains("path or a query", new ProxySettings { Address = new Uri("http://proxy:3128/x") }.Problem());
        Assert.Contains("-NoProxy", new ProxySettings { Bypass = true, Address = new Uri("http://proxy:3128") }.Problem());
        Assert.Null(new ProxySettings { Address = new Uri("http://proxy.example:3128") }.Problem());
        var malformed = Assert.Throws<ArgumentException>(() => EnvironmentProxy.From(name => name == "HTTPS_PROXY" ? "ftp://proxy:21" : null));
        Assert.Contains("$HTTPS_PROXY", malformed.Message);
    }

    [Fact]
    public void The_environment_s_proxy_bypasses_NO_PROXY_hosts_and_their_subdomains_and_keeps_its_password_apart()
    {
        var proxy = EnvironmentProxy.From(name => name switch
        {
            "HTTPS_PROXY" => "http://ops:S3cret-Proxy-1@proxy.example:3128",
            "NO_PROXY" => ".internal.example, api.test:8443",
            _ => null,
        })!;

        Assert.Equal(new Uri("http://proxy.example:3128/"), proxy.GetProxy(new Uri("https://api.dintero.com/v1/")));
        Assert.True(proxy.IsBypassed(new Uri("https://svc.internal.example/")));
        Assert.True(proxy.IsBypassed(new Uri("https://api.test:8443/")));
        Assert.False(proxy.IsBypassed(new Uri("https://api.test/")));
        // No http proxy named: plain http goes directly.
        Assert.True(proxy.IsBypassed(new Uri("http://127.0.0.1:5000/")));
        Assert.Equal("ops", ((NetworkCredential)proxy.Credentials!).UserName);
        Assert.DoesNotContain("S3cret", proxy.Describe());
    }
}
