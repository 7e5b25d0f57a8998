using Dintero.Connections.Kinds;
using Dintero.Connections.Auth;
using Dintero.Connections.Http;
using Dintero.Connections.Models;
using Dintero.Connections.Engine.Tests.Support;

namespace Dintero.Connections.Engine.Tests.Http;

/// <summary>The client's calls against the emulator: what is sent and what comes back.</summary>
public sealed class DinteroApiTests
{
    [Fact]
    public async Task A_Common_signup_is_created_and_read_back()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Api();

        var created = await client.CreateCommonConnectionAsync(TestData.AccountId, TestData.CommonSignup());
        var read = await client.GetCommonConnectionAsync(TestData.AccountId);

        Assert.Equal("pending", created.status);
        Assert.Equal(TestData.AccountId, created.account_id);
        Assert.Equal(TestData.AccountId, read.account_id);
        Assert.Equal(TestData.ClientId, created.created_by);
        var signatureRequired = Assert.Single(created.events!);
        Assert.Equal("signature_required", signatureRequired.@event);
        Assert.StartsWith(env.Emulator.RootUri.AbsoluteUri + "sign/", (string)signatureRequired.metadata!["signature_link"]!);
        Assert.Equal(Dintero.Connections.Json.DinteroJson.Serialize(created), Dintero.Connections.Json.DinteroJson.Serialize(read));
        Assert.Equal(TestData.OwnerSsn, read.signup!.ownership!.owners![0].social_security_number);
        Assert.NotNull(read.signup.created_at);
    }

    [Fact]
    public async Task A_Bambora_signup_is_created_with_its_configuration()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Api();

        var created = await client.CreateBamboraConnectionAsync(TestData.AccountId, TestData.BamboraSignup());
        var read = await client.GetConnectionAsync(ConnectionKinds.Named("bambora"), TestData.AccountId);

        Assert.Equal("pending", created.status);
        Assert.Equal("bambora.creditcard", created.configuration!.payment_options![0].type);
        // A number, as Dintero documents it, held masked.
        Assert.True(long.TryParse(created.configuration.access_token!.GetPlainText(), out _));
        Assert.Equal("***", created.configuration.access_token.ToString());
        Assert.Equal("Bambora", read.connection_type);
        Assert.Equal(TestData.BamboraAccountNumber, ((BamboraConnection)read).signup!.account_number);
    }

    [Fact]
    public async Task The_body_sent_is_Dintero_s_JSON_without_nulls()
    {
        await using var env = await TestEnvironment.StartAsync();
        var signup = new BamboraConnectionSignup
        {
            payment_options = new() { new PaymentOption { type = "bambora.vipps", currencies = new() { "NOK" } } },
            revenue = new Revenue { currency = "NOK" },
            bank_name = "DNB",
            account_number = TestData.BamboraAccountNumber,
        };

        await env.Api().CreateBamboraConnectionAsync(TestData.AccountId, signup);

        var sent = env.Requests.Entries.Single(e => e.Method == "POST" && e.Path.EndsWith("/bambora")).Body;
        Assert.Equal(
            $$$"""{"signup":{"payment_options":[{"currencies":["NOK"],"type":"bambora.vipps"}],"revenue":{"currency":"NOK"},"bank_name":"DNB","account_number":"{{{TestData.BamboraAccountNumber}}}"}}""",
            sent);
    }

    [Fact]
    public async Task Every_request_identifies_the_module()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Api(options =>
        {
            options.SystemName = "ops-runbooks";
            options.SystemVersion = "2.4.1";
        });

        await client.GetAccountSettingsAsync(TestData.AccountId);

        Assert.Equal(2, env.Requests.Entries.Count);
        Assert.All(env.Requests.Entries, entry =>
        {
            Assert.Equal($"Dintero.Connections/{ModuleVersion.Current}", entry.UserAgent);
            Assert.Equal("ops-runbooks", entry.SystemName);
            Assert.Equal("2.4.1", entry.SystemVersion);
        });
        Assert.Matches(@"^\d+\.\d+\.\d+", ModuleVersion.Current);
    }

    [Fact]
    public async Task Account_settings_are_read_and_the_organization_number_set()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.PartnerApi();
        var company = new AccountCompany
        {
            business_name = "Fjordkaffe AS",
            organization_number = "912345678",
            address = new Address { address_line = "Storgata 1", postal_code = "0155", postal_place = "Oslo", country = "NO" },
            phone_number = "+4722334455",
        };

        var updated = await client.UpdateAccountSettingsAsync(TestData.MerchantWithoutOrganization, company);
        var connection = await client.CreateCommonConnectionAsync(TestData.MerchantWithoutOrganization, TestData.CommonSignup());
        var settings = await client.GetAccountSettingsAsync(TestData.MerchantWithoutOrganization);

        Assert.Equal("912345678", updated.company!.organization_number);
        Assert.Equal("Oslo", settings.company!.address!.postal_place);
        Assert.Equal("pending", connection.status);
        var connections = settings.connections!;
        Assert.True(connections.ContainsKey("common"));
    }

    [Fact]
    public void Plain_http_is_refused_except_for_loopback()
    {
        var credential = new DinteroCredential(TestData.ClientId, TestData.ClientSecret);

        var error = Assert.Throws<ArgumentException>(() => new DinteroApi(new DinteroApiOptions { BaseUri = new Uri("http://api.dintero.com/v1"), Credential = credential }));
        using var loopback = new DinteroApi(new DinteroApiOptions { BaseUri = new Uri("http://127.0.0.1:5080/v1"), Credential = credential });

        Assert.Contains("only https is allowed", error.Message);
        Assert.Equal("http://127.0.0.1:5080/v1/", loopback.BaseUri.AbsoluteUri);
    }

    [Fact]
    public void The_credential_never_shows_its_secret()
    {
        var credential = new DinteroCredential(TestData.ClientId, TestData.ClientSecret);

        Assert.DoesNotContain(TestData.ClientSecret, credential.ToString());
        Assert.DoesNotContain(typeof(DinteroCredential).GetProperties(), property => property.GetValue(credential) as string == TestData.ClientSecret);
    }
}
