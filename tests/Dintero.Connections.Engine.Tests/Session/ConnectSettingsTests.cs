using Dintero.Connections.Errors;
using Dintero.Connections.Session;

namespace Dintero.Connections.Tests.Session;

public sealed class ConnectSettingsTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Parameters_win_over_the_environment()
    {
        var settings = new ConnectSettings { AccountId = "T12345678", ClientId = "given", ClientSecret = "given-secret" };

        var options = settings.ToClientOptions(Environment((ConnectSettings.AccountIdVariable, "P87654321"), (ConnectSettings.ClientIdVariable, "env")), out var account);

        Assert.Equal("T12345678", account);
        Assert.Equal("given", options.Credential!.ClientId);
        Assert.Equal("https://api.dintero.com/v1", options.BaseUri.AbsoluteUri.TrimEnd('/'));
    }

    [Fact]
    public void Everything_can_come_from_the_environment()
    {
        var options = new ConnectSettings().ToClientOptions(Environment(
            (ConnectSettings.AccountIdVariable, "P87654321"),
            (ConnectSettings.ClientIdVariable, "env-client"),
            (ConnectSettings.ClientSecretVariable, "env-secret"),
            (ConnectSettings.BaseUriVariable, "http://localhost:5080/v1")), out var account);

        Assert.Equal("P87654321", account);
        Assert.Equal("env-client", options.Credential!.ClientId);
        Assert.Equal("http://localhost:5080/v1", options.BaseUri.AbsoluteUri);
    }

    [Fact]
    public void A_client_id_given_as_a_parameter_never_takes_the_secret_of_the_environment()
    {
        var error = Assert.Throws<DinteroValidationException>(() =>
            new ConnectSettings { AccountId = "T12345678", ClientId = "given" }.ToClientOptions(Environment((ConnectSettings.ClientSecretVariable, "someone-else-s")), out _));

        Assert.Equal("ClientSecret", Assert.Single(error.Problems).Path);
    }

    [Fact]
    public void Everything_missing_or_wrong_is_reported_at_once()
    {
        var error = Assert.Throws<DinteroValidationException>(() =>
            new ConnectSettings { BaseUri = "http://api.dintero.com/v1" }.ToClientOptions(Environment(), out _));

        Assert.Equal(new[] { "AccountId", "ClientId", "ClientSecret", "BaseUri" }, error.Problems.Select(p => p.Path));
        Assert.Contains("$DINTERO_ACCOUNT_ID", error.Problems[0].Message);
        Assert.Contains("loopback", error.Problems[3].Message);
    }
}
