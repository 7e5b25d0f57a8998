using Dintero.Connections.Errors;
using Dintero.Connections.Session;
using Dintero.Connections.Engine.Tests.Support;

namespace Dintero.Connections.Engine.Tests.Session;

public sealed class ConnectSettingsTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Parameters_win_over_the_environment()
    {
        var settings = new ConnectSettings { AccountId = "T12345678", ClientId = "given", ClientSecret = "given-secret" };

        var target = settings.Resolve(Environment((ConnectSettings.AccountIdVariable, "P87654321"), (ConnectSettings.ClientIdVariable, "env")));

        Assert.Equal("T12345678", target.AccountId);
        Assert.Equal("given", target.Credential.ClientId);
        Assert.Equal("https://api.dintero.com/v1", target.BaseUri.AbsoluteUri.TrimEnd('/'));
    }

    [Fact]
    public void Everything_can_come_from_the_environment()
    {
        var target = new ConnectSettings().Resolve(Environment(
            (ConnectSettings.AccountIdVariable, "P87654321"),
            (ConnectSettings.ClientIdVariable, "env-client"),
            (ConnectSettings.ClientSecretVariable, "env-secret"),
            (ConnectSettings.BaseUriVariable, "http://localhost:5080/v1")));

        Assert.Equal("P87654321", target.AccountId);
        Assert.Equal("env-client", target.Credential.ClientId);
        Assert.Equal("http://localhost:5080/v1", target.BaseUri.AbsoluteUri);
    }

    [Fact]
    public void A_client_id_given_as_a_parameter_never_takes_the_secret_of_the_environment()
    {
        var error = Assert.Throws<DinteroValidationException>(() =>
            new ConnectSettings { AccountId = "T12345678", ClientId = "given" }.Resolve(Environment((ConnectSettings.ClientSecretVariable, "someone-else-s"))));

        Assert.Equal("ClientSecret", Assert.Single(error.Problems).Path);
    }

    [Fact]
    public void Everything_missing_or_wrong_is_reported_at_once()
    {
        var error = Assert.Throws<DinteroValidationException>(() =>
            new ConnectSettings { BaseUri = "http://api.dintero.com/v1" }.Resolve(Environment()));

        Assert.Equal(new[] { "AccountId", "ClientId", "ClientSecret", "BaseUri" }, error.Problems.Select(p => p.Path));
        Assert.Contains("$DINTERO_ACCOUNT_ID", error.Problems[0].Message);
        Assert.Contains("loopback", error.Problems[3].Message);
    }

    [Theory]
    [InlineData("https://api.dintero.com/v1", true)]
    [InlineData("http://127.0.0.1:5080/v1", true)]
    [InlineData("http://localhost:5080/v1", true)]
    [InlineData("http://api.dintero.com/v1", false)]
    [InlineData("ftp://api.dintero.com/v1", false)]
    [InlineData("not a uri", false)]
    public void One_rule_decides_which_base_URIs_are_accepted_for_settings_and_for_clients(string uri, bool accepted)
    {
        var settingsProblem = Dintero.Connections.Validation.BaseUriFormat.Check(uri, out _);
        var credential = new Dintero.Connections.Auth.DinteroCredential(TestData.ClientId, TestData.ClientSecret);
        Exception? clientRefusal = null;
        if (Uri.TryCreate(uri, UriKind.Absolute, out var parsed))
        {
            clientRefusal = Record.Exception(() => new Dintero.Connections.Http.DinteroApi(new Dintero.Connections.Http.DinteroApiOptions { BaseUri = parsed, Credential = credential }).Dispose());
        }

        Assert.Equal(accepted, settingsProblem == null);
        if (parsed != null) Assert.Equal(accepted, clientRefusal == null);
        if (!accepted) Assert.Contains("only https is allowed", settingsProblem!.Message);
    }

    [Fact]
    public void Retries_and_time_limits_default_to_today_s_values_and_are_kept_when_given()
    {
        var defaults = new ConnectSettings { AccountId = "T12345678", ClientId = "c", ClientSecret = "s-1234" }.Resolve(Environment());
        var given = new ConnectSettings { AccountId = "T12345678", ClientId = "c", ClientSecret = "s-1234", MaxRetries = 0, RequestTimeout = TimeSpan.FromSeconds(30), MaxRetryAfter = TimeSpan.FromMinutes(5) }.Resolve(Environment());

        Assert.Equal((3, TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(60)), (defaults.Retry.MaxRetries, defaults.RequestTimeout, defaults.Retry.MaxRetryAfter));
        Assert.Equal((0, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5)), (given.Retry.MaxRetries, given.RequestTimeout, given.Retry.MaxRetryAfter));
    }

    [Fact]
    public void Out_of_range_retries_time_limits_and_proxies_are_refused_with_the_range_all_at_once()
    {
        var settings = new ConnectSettings
        {
            AccountId = "T12345678", ClientId = "c", ClientSecret = "s-1234",
            MaxRetries = 11, RequestTimeout = TimeSpan.FromHours(1), MaxRetryAfter = TimeSpan.FromHours(2),
            Proxy = new Dintero.Connections.Http.Proxy.ProxySettings { Address = new Uri("socks5://127.0.0.1:1080") },
        };

        var error = Assert.Throws<DinteroValidationException>(() => settings.Resolve(Environment()));

        Assert.Equal(new[] { "MaxRetries", "RequestTimeout", "MaxRetryAfter", "Proxy" }.OrderBy(p => p), error.Problems.Select(p => p.Path).OrderBy(p => p));
        Assert.Contains("accepted: 0 to 10", error.Message);
        Assert.Contains("accepted: 00:00:01 to 00:10:00", error.Message);
        Assert.Contains("accepted: 00:00:00 to 01:00:00", error.Message);
        Assert.Contains("accepted: http, https", error.Message);
    }

    [Fact]
    public void A_malformed_proxy_in_the_environment_is_said_with_the_other_settings()
    {
        var error = Assert.Throws<DinteroValidationException>(() => new ConnectSettings { AccountId = "T12345678", ClientId = "c", ClientSecret = "s-1234" }.Resolve(Environment(("HTTPS_PROXY", "ftp://proxy:21"))));

        Assert.Contains("$HTTPS_PROXY", error.Message);
    }
}
