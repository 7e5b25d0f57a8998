using System.Net.Http;
using Dintero.Connections.Engine.Tests.Support;
using static Dintero.Connections.Engine.Tests.Approvals.ApprovalCalls;

namespace Dintero.Connections.Engine.Tests.Approvals;

/// <summary>
/// Who may call the emulator's approvals: the yaml's scopes (a GET admin:accounts or read:accounts; a POST or DELETE
/// admin:accounts, write:accounts or write:accounts:/management/settings/approvals), the account's own token or a
/// partner's merchant token from the exchange, and nobody else; and the faults and request log that cover every route.
/// </summary>
public sealed class ApprovalAccessEmulatorTests
{
    [Fact]
    public async Task A_token_that_may_only_read_lists_but_neither_applies_nor_archives()
    {
        await using var env = await TestEnvironment.StartAsync();
        var calls = new ApprovalCalls(env.Emulator);
        var admin = await calls.AdminAsync();
        var seller = await calls.OpenAsync(admin, Sellers, SellerBody("seller-0001"));
        var reader = await calls.Raw.ScopedTokenAsync("read:accounts");

        var listed = await calls.ListAsync(reader, Sellers);
        var payment = await calls.SendAsync(HttpMethod.Post, TestData.AccountId, Payments, reader, PaymentBody());
        var sellerPost = await calls.SendAsync(HttpMethod.Post, TestData.AccountId, Sellers, reader, SellerBody("seller-0002"));
        var archive = await calls.SendAsync(HttpMethod.Delete, TestData.AccountId, $"{Sellers}/{(string)seller["id"]!}", reader);

        Assert.Single(listed);
        Assert.Equal(new[] { 403, 403, 403 }, new[] { payment.Status, sellerPost.Status, archive.Status });
        Assert.Contains("write:accounts:/management/settings/approvals", (string)payment.Json["error"]!["message"]!);
        Assert.Equal("WAITING_FOR_DECLARATION", (string)Assert.Single(await calls.ListAsync(admin, Sellers))["case_status"]!);
        Assert.Empty(await calls.ListAsync(admin, Payments));
    }

    [Fact]
    public async Task The_approvals_own_write_scope_applies_and_archives_but_does_not_read()
    {
        await using var env = await TestEnvironment.StartAsync();
        var calls = new ApprovalCalls(env.Emulator);
        var narrow = await calls.Raw.ScopedTokenAsync("write:accounts:/management/settings/approvals");

        var payment = await calls.OpenAsync(narrow, Payments, PaymentBody());
        var seller = await calls.OpenAsync(narrow, Sellers, SellerBody("seller-0001"));
        var archive = await calls.SendAsync(HttpMethod.Delete, TestData.AccountId, $"{Sellers}/{(string)seller["id"]!}", narrow);
        var list = await calls.SendAsync(HttpMethod.Get, TestData.AccountId, Payments, narrow);
        // The scope is of its path only: the account's other writes stay closed to it.
        var settings = await calls.Raw.SendAsync(HttpMethod.Put, $"/v1/accounts/{TestData.AccountId}/management/settings", narrow, new System.Text.Json.Nodes.JsonObject());

        Assert.Equal("WAITING_FOR_DECLARATION", (string)payment["case_status"]!);
        Assert.Equal(204, archive.Status);
        Assert.Equal(403, list.Status);
        Assert.Equal(403, settings.Status);
        Assert.Equal("ARCHIVED", (string)Assert.Single(await calls.ListAsync(await calls.AdminAsync(), Sellers))["case_status"]!);
    }

    [Fact]
    public async Task No_token_another_area_s_scope_or_another_account_s_token_is_refused()
    {
        await using var env = await TestEnvironment.StartAsync();
        var calls = new ApprovalCalls(env.Emulator);
        var checkoutOnly = await calls.Raw.ScopedTokenAsync("admin:checkout");
        var partner = await calls.Raw.TokenAsync(TestData.PartnerClientId, TestData.PartnerClientSecret, TestData.PartnerId);

        var none = await calls.SendAsync(HttpMethod.Get, TestData.AccountId, Payments, token: null);
        var checkout = await calls.SendAsync(HttpMethod.Get, TestData.AccountId, Payments, checkoutOnly);
        var foreign = await calls.SendAsync(HttpMethod.Post, TestData.AccountId, Payments, partner, PaymentBody());
        var malformed = await calls.Raw.SendAsync(HttpMethod.Get, "/v1/accounts/T123" + Payments, await calls.AdminAsync());

        Assert.Equal(new[] { 401, 403, 403, 400 }, new[] { none.Status, checkout.Status, foreign.Status, malformed.Status });
        Assert.Empty(await calls.ListAsync(await calls.AdminAsync(), Payments));
    }

    [Fact]
    public async Task A_partner_applies_for_its_merchant_with_the_merchant_token_of_the_exchange()
    {
        await using var env = await TestEnvironment.StartAsync();
        var calls = new ApprovalCalls(env.Emulator);
        var merchantToken = await calls.Raw.MerchantTokenAsync(TestData.Merchant);

        var payment = await calls.OpenAsync(merchantToken, Payments, PaymentBody(), TestData.Merchant);
        var seller = await calls.OpenAsync(merchantToken, Sellers, SellerBody("seller-0001"), TestData.Merchant);
        var elsewhere = await calls.SendAsync(HttpMethod.Post, TestData.MerchantWithoutOrganization, Payments, merchantToken, PaymentBody());

        Assert.Equal(TestData.PartnerClientId, (string)payment["created_by"]!);
        Assert.Equal(TestData.PartnerClientId, (string)seller["created_by"]!);
        Assert.Equal(403, elsewhere.Status); // the merchant token is for its one merchant
        Assert.Single(await calls.ListAsync(merchantToken, Payments, accountId: TestData.Merchant));
    }

    [Fact]
    public async Task Faults_and_the_request_log_cover_the_approval_routes()
    {
        await using var env = await TestEnvironment.StartAsync();
        var calls = new ApprovalCalls(env.Emulator);
        var token = await calls.AdminAsync();
        env.Emulator.Faults.Add(new Dintero.Emulator.Faults.Fault { Method = "POST", Path = "/v1/accounts/*/management/settings/approvals/payout-destinations", Status = 500 });
        env.Emulator.Faults.Add(new Dintero.Emulator.Faults.Fault { Method = "GET", Path = "/v1/accounts/*/management/settings/approvals/payments", Status = 500, AfterProcessing = true });

        var failed = await calls.SendAsync(HttpMethod.Post, TestData.AccountId, Sellers, token, SellerBody("seller-0001"));
        var stored = await calls.OpenAsync(token, Sellers, SellerBody("seller-0001"));
        var lost = await calls.SendAsync(HttpMethod.Get, TestData.AccountId, Payments, token);

        Assert.Equal((500, "INTERNAL_ERROR"), (failed.Status, (string)failed.Json["error"]!["code"]!));
        Assert.Equal(500, lost.Status);
        Assert.Equal(new[] { (string)stored["id"]! }, (await calls.ListAsync(token, Sellers)).Select(each => (string)each["id"]!)); // the failed POST stored nothing
        Assert.Equal(new[] { 500, 200 }, env.Requests.Entries.Where(entry => entry.Method == "POST" && entry.Path.EndsWith(Sellers)).Select(entry => entry.Status));
        // The list whose answer was lost on its way back was made: the log has the status the emulator's own work came to.
        Assert.Equal(new[] { 200 }, env.Requests.Entries.Where(entry => entry.Method == "GET" && entry.Path.EndsWith(Payments)).Select(entry => entry.Status));
    }
}
