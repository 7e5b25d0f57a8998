using Dintero.Connections.Binding;
using Dintero.Connections.Json;
using Dintero.Connections.Models;

namespace Dintero.Connections.Engine.Tests.Json;

/// <summary>Credentials Dintero returns: held as DinteroSecret, printed as ***, written back to Dintero as they came.</summary>
public sealed class SecretTests
{
    [Fact]
    public void A_secret_round_trips_as_the_string_or_number_it_came_as_and_prints_as_the_mask()
    {
        const string json = "{\"merchant_number\":\"m-1\",\"md5_key\":\"md5-value-1234\",\"access_token\":12345678901,\"secret_token\":\"tok-9876\"}";

        var configuration = DinteroJson.Deserialize<BamboraConfiguration>(json);

        Assert.Equal("md5-value-1234", configuration.md5_key!.GetPlainText());
        Assert.Equal("12345678901", configuration.access_token!.GetPlainText());
        Assert.Equal(json, DinteroJson.Serialize(configuration));
        Assert.DoesNotContain("md5-value-1234", configuration.ToString());
        Assert.Contains("md5_key: ***", configuration.ToString());
        Assert.Equal("***", $"{configuration.secret_token}");
        Assert.Equal("***", configuration.secret_token!.Masked);
    }

    [Fact]
    public void A_secret_given_as_text_in_input_binds_to_a_secret_field()
    {
        var bound = InputBinder.Bind<BamboraDirectSignup>(new Dictionary<string, object?> { ["merchant_number"] = "m-1", ["md5_key"] = "given-key-5521" }, "the signup", "signup");

        Assert.Equal("given-key-5521", bound.md5_key!.GetPlainText());
        Assert.Equal("{\"merchant_number\":\"m-1\",\"md5_key\":\"given-key-5521\"}", DinteroJson.Serialize(bound));
    }

    [Fact]
    public void A_secret_as_SecureString_is_read_only_and_holds_the_text()
    {
        var secure = new DinteroSecret("abc-1234").ToSecureString();

        Assert.True(secure.IsReadOnly());
        Assert.Equal("abc-1234", new System.Net.NetworkCredential(string.Empty, secure).Password);
    }
}
