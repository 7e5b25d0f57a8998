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
        var credential = new Dintero.Connections.Auth.ClientCredential(TestData.ClientId, TestData.ClientSecret);
        Exception? clientRefusal = null;
        if (Uri.TryCreate(uri, UriKind.Absolute, out var parsed))
        {
            clientRefusal = Record.Exception(() => new Dintero.Connections.Http.DinteroClient(new Dintero.Connections.Http.DinteroClientOptions { BaseUri = parsed, Credential = credential }).Dispose());
        }

        Assert.Equal(accepted, settingsProblem == null);
        if (parsed != null) Assert.Equal(accepted, clientRefusal == null);
        if (!accepted) Assert.Contains("only https is allowed", settingsProblem!.Message);
    }
}
