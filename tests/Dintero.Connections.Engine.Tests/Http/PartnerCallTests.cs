using System.Net.Http;
using System.Text.Json.Nodes;
using Dintero.Connections.Errors;
using Dintero.Connections.Kinds;
using Dintero.Connections.Models;
using Dintero.Connections.Partners;
using Dintero.Connections.Engine.Tests.Support;

namespace Dintero.Connections.Engine.Tests.Http;

/// <summary>What a partner does on its own account: list its merchants page by page, read one, invite new ones.</summary>
public sealed class PartnerCallTests
{
    private static MerchantInvite Invite(string email, string reference) => new()
    {
        applicant = new AccountApplicant { email = email, first_name = "Kari", signup_reference = reference },
        company = new AccountCompany
        {
            business_name = "Fjordkaffe AS",
            organization_number = "912345678",
            email = "post@fjordkaffe.example",
            address = new Address { address_line = "Storgata 1", postal_code = "0155", postal_place = "Oslo", country = "NO" },
        },
    };

    [Fact]
    public async Task The_merchants_come_page_by_page_with_starting_after_the_last_one_seen()
    {
        await using var env = await TestEnvironment.StartAsync(configure: options => options.AddPartner(TestData.PartnerId, merchants: 4));
        var client = env.PartnerApi();
        var query = new AccountQuery { Limit = 3 };

        var first = await client.ListAccountsAsync(TestData.PartnerId, query);
        var second = await client.ListAccountsAsync(TestData.PartnerId, query, first.NextCursor);
        var third = await client.ListAccountsAsync(TestData.PartnerId, query, second.NextCursor);

        Assert.Equal(new[] { "T11200001", "T11200002", "T11200003" }, first.Items.Select(a => a.account_id));
        Assert.Equal(new[] { "T11200004", "T11200005", "T11200006" }, second.Items.Select(a => a.account_id));
        Assert.Equal(new[] { "T11200007" }, third.Items.Select(a => a.account_id));
        Assert.Null(third.NextCursor);
        Assert.Equal(first.Items[^1].id, first.NextCursor);
        var queries = env.Requests.Entries.Where(e => e.Path.EndsWith("/management/accounts")).Select(e => e.Query).ToList();
        Assert.Equal("?limit=3", queries[0]);
        Assert.Equal($"?limit=3&starting_after={first.NextCursor}", queries[1]);
        Assert.All(first.Items, account => Assert.Equal("T112", account.partner_id));
        Assert.Equal(0, env.Requests.Count("POST", "/auth/exchange_token")); // the partner's own call, its own token
    }

    [Fact]
    public async Task Filters_go_as_Dintero_names_them_and_narrow_the_list()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.PartnerApi();
        await client.CreatePayExAsync(TestData.Merchant);

        var payex = await client.ListAccountsAsync(TestData.PartnerId, new AccountQuery { Connections = new[] { ConnectionKinds.PayEx }, ConnectionStatus = new[] { "pending" } });
        var enabled = await client.ListAccountsAsync(TestData.PartnerId, new AccountQuery { Connections = new[] { ConnectionKinds.PayEx }, ConnectionStatus = new[] { "enabled" } });
        var searched = await client.ListAccountsAsync(TestData.PartnerId, new AccountQuery { Search = "00002" });

        var listed = Assert.Single(payex.Items);
        Assert.Equal(TestData.Merchant, listed.account_id);
        Assert.Equal("pending", listed.connection_status!["PayEx"]);
        Assert.Empty(enabled.Items);
        Assert.Equal(TestData.MerchantWithoutOrganization, Assert.Single(searched.Items).account_id);
        Assert.Contains(env.Requests.Entries, e => e.Query == "?limit=100&connections=payex&connection_status=pending");
    }

    [Fact]
    public async Task One_merchant_reads_by_id_and_another_partner_s_does_not()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.PartnerApi();

        var merchant = await client.GetAccountAsync(TestData.PartnerId, TestData.Merchant);
        var error = await env.FailsWith<DinteroApiException>(() => client.GetAccountAsync(TestData.PartnerId, TestData.ForeignAccount));

        Assert.Equal(TestData.Merchant, merchant.account_id);
        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task An_invitation_is_checked_sent_once_and_comes_back_with_its_prefill_id_and_billing()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.PartnerApi();

        var invite = await client.CreateMerchantInviteAsync(TestData.PartnerId, MerchantInvites.Check(Invite("kari@fjordkaffe.example", "shop-0042")));

        Assert.False(string.IsNullOrEmpty(invite.prefill_id));
        Assert.Equal((TestData.PartnerId, "kari@fjordkaffe.example", "shop-0042", "Fjordkaffe AS"), (invite.partner_id, invite.email, invite.signup_reference, invite.business_name));
        var sent = JsonNode.Parse(env.Requests.Entries.Single(e => e.Path.EndsWith("/signup/prefill")).Body)!;
        // Dintero requires a billing: the company's, when the invitation gives none.
        Assert.Equal("Fjordkaffe AS", sent["billing"]!["business_name"]!.GetValue<string>());
        Assert.Equal("912345678", sent["billing"]!["organization_number"]!.GetValue<string>());
        Assert.Equal("Oslo", sent["billing"]!["address"]!["postal_place"]!.GetValue<string>());
        Assert.Equal(1, env.Requests.Count("POST", "/signup/prefill"));
    }

    [Fact]
    public async Task An_accepted_invitation_becomes_a_merchant_that_carries_the_signup_reference()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.PartnerApi();
        var invite = await client.CreateMerchantInviteAsync(TestData.PartnerId, MerchantInvites.Check(Invite("ola@havet.example", "shop-0043")));

        using var http = new HttpClient();
        var accepted = JsonNode.Parse(await (await http.PostAsync(new Uri(env.Emulator.RootUri, $"_emulator/partners/{TestData.PartnerId}/invitations/{invite.prefill_id}/accept"), null)).Content.ReadAsStringAsync())!;
        var accountId = accepted["account_id"]!.GetValue<string>();
        var listed = (await client.ListAccountsAsync(TestData.PartnerId, new AccountQuery())).Items.Single(a => a.account_id == accountId);
        var settings = await client.GetAccountSettingsAsync(accountId);

        Assert.Equal("shop-0043", listed.signup_reference);
        Assert.Equal("Fjordkaffe AS", listed.business_name);
        Assert.Equal("shop-0043", settings.applicant!.signup_reference);
        Assert.Equal("912345678", settings.company!.organization_number);
    }

    [Fact]
    public void A_bad_invitation_is_refused_with_every_problem_before_anything_is_sent()
    {
        var invite = Invite("not-an-address", "shop-1");
        invite.company!.address!.country = null;
        invite.applicant!.phone_number = "12";

        var error = Assert.Throws<DinteroValidationException>(() => MerchantInvites.Check(invite));

        Assert.Equal(new[] { "invite.applicant.email", "invite.applicant.phone_number", "invite.company.address.country" }, error.Problems.Select(p => p.Path));
        Assert.Throws<DinteroValidationException>(() => MerchantInvites.Check(new MerchantInvite { company = Invite("a@b.example", "x").company }));
    }

    [Fact]
    public void Onboarding_links_are_Dintero_s_documented_urls_with_the_partner_number_and_the_reference()
    {
        var own = OnboardingLinks.For("T11200000", "abc-123", prefilled: false);
        var prefill = OnboardingLinks.For("P45600000", "shop 7&8", prefilled: true);

        Assert.Equal("https://onboarding.dintero.com/?partner=112&signup_reference=abc-123", own.url);
        Assert.Equal("https://onboarding.dintero.com/prefill?partner=456&signup_reference=shop%207%268", prefill.url);
        Assert.Equal(own.url, own.ToString());
        Assert.Equal("https://onboarding.dintero.com/?partner=112", OnboardingLinks.For("T11200000", null, false).url);
        Assert.Equal(DinteroAccessFailure.NotPartner, Assert.Throws<DinteroAccessException>(() => OnboardingLinks.For("T11200001", "x", false)).Failure);
    }
}

internal static class PartnerCallTestExtensions
{
    public static Task<PayExConnection> CreatePayExAsync(this Dintero.Connections.Http.DinteroApi client, string merchant) =>
        client.CreateConnectionAsync(ConnectionKinds.PayEx.Check(new PayExConnectionSignup { payment_options = new() { new PaymentOption { type = "payex.creditcard", currencies = new() { "NOK" } } } }), merchant);
}
