using System.Net.Http;
using System.Text.Json.Nodes;
using Dintero.Connections.Engine.Tests.Support;
using static Dintero.Connections.Engine.Tests.Approvals.ApprovalCalls;

namespace Dintero.Connections.Engine.Tests.Approvals;

/// <summary>
/// The emulator's seller approvals (.../management/settings/approvals/payout-destinations: POST, GET, DELETE {id}) over
/// plain HTTP: required fields and lengths, the company or individual rule, the list's filters, Dintero's documented test
/// values, archiving; every request and answer checked against docs/openapi/dintero-approvals.yaml.
/// </summary>
public sealed class SellerApprovalEmulatorTests
{
    private static string Id(JsonObject approval) => (string)approval["id"]!;

    [Fact]
    public async Task A_company_seller_without_its_required_fields_is_refused_with_a_field_error_for_each()
    {
        await using var env = await TestEnvironment.StartAsync();
        var calls = new ApprovalCalls(env.Emulator);
        var token = await calls.AdminAsync();

        var refused = await calls.SendAsync(HttpMethod.Post, TestData.AccountId, Sellers, token, new JsonObject(), meantInvalid: true);

        Assert.Equal(400, refused.Status);
        // The yaml's three, and what a company (type left out) needs besides.
        Assert.Equal(new[] { "payout_destination_id", "payout_reference", "bank_accounts", "country_code", "organization_number" }, FieldPaths(refused));
        Assert.Empty(await calls.ListAsync(token, Sellers));
    }

    [Theory]
    [InlineData("payout_destination_id", 40, true)]
    [InlineData("payout_destination_id", 41, false)]
    [InlineData("payout_reference", 60, true)]
    [InlineData("payout_reference", 61, false)]
    [InlineData("payout_destination_name", 61, false)]
    [InlineData("payout_destination_description", 1000, true)]
    [InlineData("payout_destination_description", 1001, false)]
    public async Task Lengths_are_the_yaml_s(string field, int length, bool taken)
    {
        await using var env = await TestEnvironment.StartAsync();
        var calls = new ApprovalCalls(env.Emulator);
        var body = SellerBody("seller-0001");
        body[field] = new string('x', length);

        var answer = await calls.SendAsync(HttpMethod.Post, TestData.AccountId, Sellers, await calls.AdminAsync(), body, meantInvalid: !taken);

        Assert.Equal(taken ? 200 : 400, answer.Status);
        if (!taken) Assert.Equal(new[] { field }, FieldPaths(answer));
    }

    [Fact]
    public async Task Exactly_one_bank_account_and_an_individual_for_a_person_who_then_needs_no_organization_number()
    {
        await using var env = await TestEnvironment.StartAsync();
        var calls = new ApprovalCalls(env.Emulator);
        var token = await calls.AdminAsync();
        var two = SellerBody("seller-0001");
        two["bank_accounts"]!.AsArray().Add(BankAccount());
        var none = SellerBody("seller-0002");
        none["bank_accounts"] = new JsonArray();
        var person = SellerBody("seller-0003");
        person["type"] = "individual";
        person.Remove("country_code");
        person.Remove("organization_number");

        var twoRefused = await calls.SendAsync(HttpMethod.Post, TestData.AccountId, Sellers, token, two, meantInvalid: true);
        var noneRefused = await calls.SendAsync(HttpMethod.Post, TestData.AccountId, Sellers, token, none, meantInvalid: true);
        var personRefused = await calls.SendAsync(HttpMethod.Post, TestData.AccountId, Sellers, token, person, meantInvalid: true);
        person["individual"] = new JsonObject { ["name"] = "Kari Nordmann", ["birth_date"] = "1988-12-24", ["email"] = "kari@example.com", ["address_country"] = "NO" };
        var personTaken = await calls.OpenAsync(token, Sellers, person);

        Assert.Equal((400, "bank_accounts", "maxItems"), (twoRefused.Status, FieldPaths(twoRefused).Single(), (string)twoRefused.Json["error"]!["errors"]![0]!["code"]!));
        Assert.Equal((400, "bank_accounts", "minItems"), (noneRefused.Status, FieldPaths(noneRefused).Single(), (string)noneRefused.Json["error"]!["errors"]![0]!["code"]!));
        Assert.Equal((400, "individual"), (personRefused.Status, FieldPaths(personRefused).Single()));
        Assert.Equal("individual", (string)personTaken["type"]!);
        Assert.Equal("1988-12-24", (string)personTaken["individual"]!["birth_date"]!);
        Assert.Equal(new[] { "seller-0003" }, (await calls.ListAsync(token, Sellers)).Select(each => (string)each["payout_destination_id"]!));
    }

    [Fact]
    public async Task Sellers_are_stored_listed_and_filtered_by_payout_destination_id_and_case_status()
    {
        await using var env = await TestEnvironment.StartAsync();
        var calls = new ApprovalCalls(env.Emulator);
        var token = await calls.AdminAsync();
        var first = await calls.OpenAsync(token, Sellers, SellerBody("seller-0001"));
        var second = await calls.OpenAsync(token, Sellers, SellerBody("seller-0002"));
        env.Emulator.SetApprovalStatus(TestData.AccountId, Id(second), "UNDER_MANUAL_REVIEW");

        var all = await calls.ListAsync(token, Sellers);
        var one = await calls.ListAsync(token, Sellers, "?payout_destination_id=seller-0002");
        var both = await calls.ListAsync(token, Sellers, "?payout_destination_id=seller-0002&case_status=UNDER_MANUAL_REVIEW&case_status=ACTIVE");
        var neither = await calls.ListAsync(token, Sellers, "?payout_destination_id=seller-0001&case_status=UNDER_MANUAL_REVIEW");
        var commas = await calls.ListAsync(token, Sellers, "?case_status=WAITING_FOR_DECLARATION,UNDER_MANUAL_REVIEW");

        Assert.Equal(new[] { Id(first), Id(second) }, all.Select(Id));
        Assert.Equal("WAITING_FOR_DECLARATION", (string)first["case_status"]!);
        Assert.Equal("contract_url", (string)first["links"]![0]!["rel"]!);
        Assert.False(first.ContainsKey("mcc")); // a payment case's, not a seller's
        Assert.Equal(new[] { Id(second) }, one.Select(Id));
        Assert.Equal("UNDER_MANUAL_REVIEW", (string)one[0]["case_status"]!);
        Assert.Equal(new[] { Id(second) }, both.Select(Id));
        Assert.Empty(neither);
        Assert.Equal(new[] { Id(first), Id(second) }, commas.Select(Id));
        Assert.Empty(await calls.ListAsync(token, Payments)); // the two kinds are apart
    }

    [Theory]
    [InlineData("AUTO_APPROVE", "ACTIVE")]
    [InlineData("AUTO_DECLINE", "DECLINED")]
    [InlineData("AUTO_WAITING_FOR_SIGNATURE", "WAITING_FOR_SIGNATURE")]
    public async Task On_a_test_account_Dintero_s_test_values_decide_the_seller_s_case(string value, string status)
    {
        await using var env = await TestEnvironment.StartAsync();
        var calls = new ApprovalCalls(env.Emulator);
        var token = await calls.AdminAsync();

        var opened = await calls.OpenAsync(token, Sellers, SellerBody("seller-0001", value));
        var plain = await calls.OpenAsync(token, Sellers, SellerBody("seller-0002"));
        var listed = await calls.ListAsync(token, Sellers);

        Assert.Equal("AUTOMATIC_REVIEW", (string)opened["case_status"]!);
        Assert.Equal(new[] { status, "WAITING_FOR_DECLARATION" }, listed.Select(each => (string)each["case_status"]!));
        Assert.Equal(new[] { Id(opened), Id(plain) }, listed.Select(Id));
        Assert.True(string.CompareOrdinal((string)listed[0]["updated_at"]!, (string)opened["created_at"]!) >= 0);
    }

    [Fact]
    public async Task Archiving_marks_the_case_archived_and_an_active_seller_only_with_delete_active_true()
    {
        await using var env = await TestEnvironment.StartAsync();
        var calls = new ApprovalCalls(env.Emulator);
        var token = await calls.AdminAsync();
        var waiting = await calls.OpenAsync(token, Sellers, SellerBody("seller-0001"));
        var active = await calls.OpenAsync(token, Sellers, SellerBody("seller-0002", "AUTO_APPROVE"));
        var payment = await calls.OpenAsync(token, Payments, PaymentBody());
        Task<RawApi.Answer> Archive(string id, string query = "") => calls.SendAsync(HttpMethod.Delete, TestData.AccountId, $"{Sellers}/{id}{query}", token);

        var archived = await Archive(Id(waiting));
        var activeRefused = await Archive(Id(active));
        var activeKept = await Archive(Id(active), "?delete_active=false");
        var activeArchived = await Archive(Id(active), "?delete_active=true");
        var again = await Archive(Id(waiting));
        var unknown = await Archive(Guid.NewGuid().ToString());
        var notASeller = await Archive(Id(payment));
        var notAnId = await calls.SendAsync(HttpMethod.Delete, TestData.AccountId, $"{Sellers}/seller-0001", token, meantInvalid: true);
        var badFlag = await Archive(Id(active), "?delete_active=yes");

        Assert.Equal(204, archived.Status);
        Assert.Equal((400, "PAYOUT_DESTINATION_ACTIVE"), (activeRefused.Status, (string)activeRefused.Json["error"]!["code"]!));
        Assert.Equal(400, activeKept.Status);
        Assert.Equal(204, activeArchived.Status);
        Assert.Equal(404, again.Status);
        Assert.Equal(404, unknown.Status);
        Assert.Equal(404, notASeller.Status);
        Assert.Equal((400, "id"), (notAnId.Status, FieldPaths(notAnId).Single()));
        Assert.Equal((400, "delete_active"), (badFlag.Status, FieldPaths(badFlag).Single()));
        var listed = await calls.ListAsync(token, Sellers, "?case_status=ARCHIVED");
        Assert.Equal(new[] { Id(waiting), Id(active) }, listed.Select(Id));
        Assert.All(listed, each => Assert.Equal(TestData.ClientId, (string)each["deleted_by"]!));
        Assert.All(listed, each => Assert.False(string.IsNullOrEmpty((string?)each["deleted_at"])));
        Assert.Equal("WAITING_FOR_DECLARATION", (string)Assert.Single(await calls.ListAsync(token, Payments))["case_status"]!);
    }

    [Fact]
    public async Task A_payout_destination_id_is_taken_again_only_once_its_case_is_archived()
    {
        await using var env = await TestEnvironment.StartAsync();
        var calls = new ApprovalCalls(env.Emulator);
        var token = await calls.AdminAsync();
        var first = await calls.OpenAsync(token, Sellers, SellerBody("seller-0001"));

        var twice = await calls.SendAsync(HttpMethod.Post, TestData.AccountId, Sellers, token, SellerBody("seller-0001"));
        await calls.SendAsync(HttpMethod.Delete, TestData.AccountId, $"{Sellers}/{Id(first)}", token);
        var after = await calls.OpenAsync(token, Sellers, SellerBody("seller-0001"));

        Assert.Equal((400, "payout_destination_id"), (twice.Status, FieldPaths(twice).Single()));
        Assert.Contains(Id(first), (string)twice.Json["error"]!["errors"]![0]!["message"]!);
        Assert.NotEqual(Id(first), Id(after));
        Assert.Equal(new[] { "ARCHIVED", "WAITING_FOR_DECLARATION" }, (await calls.ListAsync(token, Sellers, "?payout_destination_id=seller-0001")).Select(each => (string)each["case_status"]!));
    }
}
