using Dintero.Connections.Engine.Tests.Support;
using Dintero.Connections.Errors;
using Dintero.Connections.Http;
using Dintero.Connections.Models;
using Dintero.Connections.Partners;
using Dintero.Connections.Requests;

namespace Dintero.Connections.Engine.Tests.Partners;

/// <summary>The factories cmdlets hand their raw parameters to: every problem at once, before anything is sent.</summary>
public sealed class FactoryTests
{
    private static readonly Uri Root = new("https://api.dintero.com/v1/");

    [Fact]
    public void A_merchant_query_takes_kinds_and_statuses_in_any_case_and_says_every_problem_at_once()
    {
        var query = AccountQuery.Create(null, new[] { "VIPPS" }, new[] { "Enabled" }, null, 50);
        Assert.Equal("?limit=50&connections=vipps&connection_status=enabled", query.ToQueryString(null));

        var failure = Assert.Throws<DinteroValidationException>(() => AccountQuery.Create(null, new[] { "vips" }, new[] { "enabeld" }, null, 500));
        Assert.Equal(new[] { "ConnectionType[0]", "ConnectionStatus[0]", "PageSize" }, failure.Problems.Select(problem => problem.Path));
        Assert.Contains("Did you mean 'Vipps'", failure.Problems[0].Message);
        Assert.Contains("Did you mean 'enabled'", failure.Problems[1].Message);
        Assert.Contains("a page holds 1 to 100 items", failure.Problems[2].Message);
    }

    [Fact]
    public void A_query_for_one_merchant_refuses_filters_that_list_many()
    {
        var failure = Assert.Throws<DinteroValidationException>(() => AccountQuery.Create("T112", null, null, null, 100, oneMerchant: true));
        Assert.Equal("AccountId", Assert.Single(failure.Problems).Path);
        AccountQuery.Create(null, null, null, null, 100, oneMerchant: true);
    }

    [Fact]
    public void A_request_whose_path_names_another_account_than_AccountId_is_refused_only_when_AccountId_was_given()
    {
        var failure = Assert.Throws<DinteroValidationException>(() => DinteroRequest.Create("GET", "/accounts/T11200002/management/settings", null, null, "T11200001", Root, accountGiven: true));
        Assert.Contains("names account T11200002, and -AccountId is T11200001", Assert.Single(failure.Problems).Message);

        var followed = DinteroRequest.Create("GET", "/accounts/T11200002/management/settings", null, null, "T11200001", Root);
        Assert.Equal("T11200002", followed.AccountId);
    }

    [Fact]
    public void Pages_are_read_for_a_GET_only_and_in_Dintero_s_page_sizes()
    {
        Assert.Equal(25, DinteroRequest.Create("GET", "auth/clients?limit=25", null, null, "T11200001", Root).PageLimit(100));
        Assert.Equal(100, DinteroRequest.Create("GET", "auth/clients", null, null, "T11200001", Root).PageLimit(100));

        var change = Assert.Throws<DinteroValidationException>(() => DinteroRequest.Create("POST", "auth/clients?limit=500", null, "{}", "T11200001", Root).PageLimit(100));
        Assert.Equal(new[] { "All", "Query.limit" }, change.Problems.Select(problem => problem.Path));
    }

    [Fact]
    public void An_invitation_naming_a_merchant_s_account_is_refused_and_the_input_is_left_as_it_was()
    {
        var invite = new MerchantInvite
        {
            applicant = new AccountApplicant { email = "kari@fjordkaffe.example" },
            company = new AccountCompany { business_name = "Fjordkaffe AS", address = new Address { address_line = "Storgata 1", postal_place = "Oslo", country = "NO" } },
        };

        var failure = Assert.Throws<DinteroValidationException>(() => MerchantInvites.Check(invite, TestData.PartnerId, "T11200001"));
        Assert.Equal("account_id", failure.Problems[0].Path);

        var checkedInvite = MerchantInvites.Check(invite, TestData.PartnerId, TestData.PartnerId);
        Assert.Equal("Fjordkaffe AS", checkedInvite.Invite.billing!.business_name);
        Assert.Null(invite.billing); // filled on a copy
    }

    [Fact]
    public void A_settings_change_that_sets_nothing_is_refused()
    {
        Assert.Throws<DinteroValidationException>(() => CompanyChanges.Checked(new AccountCompany()));
        Assert.Equal(new[] { "organization_number" }, CompanyChanges.Checked(new AccountCompany { organization_number = "912345678" }));
    }
}
