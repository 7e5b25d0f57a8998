using Dintero.Connections.Http;
using Dintero.Connections.Models;

namespace Dintero.Connections.Engine.Tests.Http;

public sealed class CompanyChangesTests
{
    [Fact]
    public void Only_the_fields_given_change_and_the_current_company_is_not_modified()
    {
        var current = new AccountCompany { business_name = "Fjordkaffe AS", address = new Address { postal_place = "Oslo" }, email = "post@fjordkaffe.no" };
        current.SetAdditionalProperty("vat_registered", true);
        var changes = new AccountCompany { organization_number = "912345678", email = "hello@fjordkaffe.no" };

        var result = CompanyChanges.Apply(current, changes);

        Assert.Equal(("Fjordkaffe AS", "Oslo", "912345678", "hello@fjordkaffe.no"), (result.business_name, result.address!.postal_place, result.organization_number, result.email));
        Assert.Equal(true, result.GetAdditionalProperties()["vat_registered"]);
        Assert.Equal("post@fjordkaffe.no", current.email);
        Assert.Null(current.organization_number);
        Assert.Equal(new[] { "organization_number", "email" }, CompanyChanges.FieldsSet(changes));
    }

    [Fact]
    public async Task A_change_checks_what_the_command_changes_and_sends_back_what_Dintero_holds_as_it_was()
    {
        await using var env = await Support.TestEnvironment.StartAsync();
        var client = env.Api();
        // Dintero's schema types these as plain text; an older form stored them so.
        env.Emulator.SetCompany(Support.TestData.AccountId, new Dictionary<string, string> { ["email"] = "post at fjordkaffe", ["technical_email"] = "ops" });

        var settings = await client.ChangeCompanyAsync(Support.TestData.AccountId, new AccountCompany { organization_number = "912345678" });

        Assert.Equal("912345678", settings.company!.organization_number);
        var stored = env.Emulator.StoredCompany(Support.TestData.AccountId);
        Assert.Equal("post at fjordkaffe", (string?)stored["email"]);
        Assert.Equal("ops", (string?)stored["technical_email"]);
        // What the command changes is still checked, before anything is read or sent.
        env.Requests.Clear();
        var refused = await Assert.ThrowsAsync<Dintero.Connections.Errors.DinteroValidationException>(() => client.ChangeCompanyAsync(Support.TestData.AccountId, new AccountCompany { email = "not an address" }));
        Assert.Equal("company.email", Assert.Single(refused.Problems).Path);
        Assert.Empty(env.Requests.Entries);
    }
}
