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
}
