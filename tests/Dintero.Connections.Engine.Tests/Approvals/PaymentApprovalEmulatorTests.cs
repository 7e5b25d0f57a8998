using System.Net.Http;
using System.Text.Json.Nodes;
using Dintero.Connections.Engine.Tests.Support;
using Dintero.Emulator;
using static Dintero.Connections.Engine.Tests.Approvals.ApprovalCalls;

namespace Dintero.Connections.Engine.Tests.Approvals;

/// <summary>
/// The emulator's payment approvals (POST and GET .../management/settings/approvals/payments) over plain HTTP: what it
/// refuses and with which field errors, what it stores and lists, its case_status filter, and its EMULATOR-ONLY test
/// values; every request and answer checked against docs/openapi/dintero-approvals.yaml.
/// </summary>
public sealed class PaymentApprovalEmulatorTests
{
    private const string ProductionAccount = "P00000001";
    private const string ProductionClient = "suite-production-client";
    private const string ProductionSecret = "Production-Secret-Client-Value-5523";

    [Fact]
    public async Task An_application_without_its_required_fields_is_refused_with_a_field_error_for_each_and_nothing_is_stored()
    {
        await using var env = await TestEnvironment.StartAsync();
        var calls = new ApprovalCalls(env.Emulator);
        var token = await calls.AdminAsync();

        var empty = await calls.SendAsync(HttpMethod.Post, TestData.AccountId, Payments, token, new JsonObject(), meantInvalid: true);

        Assert.Equal(400, empty.Status);
        Assert.Equal("VALIDATION_ERROR", (string)empty.Json["error"]!["code"]!);
        Assert.Equal(new[] { "products", "payment_methods", "country_code", "organization_number", "bank_accounts" }, FieldPaths(empty));
        Assert.All(empty.Json["error"]!["errors"]!.AsArray(), error => Assert.Equal("required", (string)error!["code"]!));
        Assert.Empty(await calls.ListAsync(token, Payments));
    }

    // yamlToo: whether the yaml's own schema refuses it as well; where it does not, the emulator checks what the yaml only
    // describes (ISO 3166-1 and ISO 4217 codes, a BIC's 8 to 11 characters).
    [Theory]
    [InlineData("country_code", "\"no\"", "country_code", false)]                                   // ISO 3166-1 is written in capitals
    [InlineData("country_code", "\"NOR\"", "country_code", true)]                                   // alpha-3, not alpha-2
    [InlineData("organization_number", "912345678", "organization_number", true)]                   // a number, not text
    [InlineData("products", "[]", "products", true)]                                                // at least one product
    [InlineData("payment_methods", "[{\"method\":\"creditcard\"}]", "payment_methods[0].payment_method", true)]
    [InlineData("bank_accounts", "[{\"bank_account_currency\":\"NKK\",\"payout_currency\":\"NOK\"}]", "bank_accounts[0].bank_account_currency", false)] // no such ISO 4217 code
    [InlineData("bank_accounts", "[{\"bank_account_currency\":\"NOK\"}]", "bank_accounts[0].payout_currency", true)]
    [InlineData("bank_accounts", "[{\"bank_account_currency\":\"NOK\",\"payout_currency\":\"NOK\",\"bank_account_number_type\":\"iban\"}]", "bank_accounts[0].bank_account_number_type", true)]
    [InlineData("bank_accounts", "[{\"bank_account_currency\":\"NOK\",\"payout_currency\":\"NOK\",\"bank_identification_code\":\"DNBANO\"}]", "bank_accounts[0].bank_identification_code", false)]
    [InlineData("form_submitter", "{\"email\":\"kari at fjordkaffe\"}", "form_submitter.email", true)]
    public async Task A_field_Dintero_would_refuse_is_named_in_the_400(string field, string value, string path, bool yamlToo)
    {
        await using var env = await TestEnvironment.StartAsync();
        var calls = new ApprovalCalls(env.Emulator);
        var token = await calls.AdminAsync();
        var body = PaymentBody();
        body[field] = JsonNode.Parse(value);

        var refused = await calls.SendAsync(HttpMethod.Post, TestData.AccountId, Payments, token, body, meantInvalid: true);

        Assert.Equal(400, refused.Status);
        Assert.Equal(new[] { path }, FieldPaths(refused));
        Assert.Equal(yamlToo, OpenApiDocument.Violations(OpenApiDocument.Dintero.Request("post", "/accounts/{oid}" + Payments), body.ToJsonString()).Count > 0);
        Assert.Empty(await calls.ListAsync(token, Payments));
    }

    [Fact]
    public async Task A_valid_application_is_answered_as_a_case_waiting_for_the_declaration_and_listed()
    {
        await using var env = await TestEnvironment.StartAsync();
        var calls = new ApprovalCalls(env.Emulator);
        var token = await calls.AdminAsync();
        var body = PaymentBody();
        body["ignored_by_dintero"] = "x";
        body["case_status"] = "ACTIVE"; // Dintero's to set, not the applicant's

        var opened = await calls.OpenAsync(token, Payments, body);
        var listed = Assert.Single(await calls.ListAsync(token, Payments));

        Assert.True(Guid.TryParse((string)opened["id"]!, out _));
        Assert.Equal("WAITING_FOR_DECLARATION", (string)opened["case_status"]!);
        Assert.Equal(TestData.ClientId, (string)opened["created_by"]!);
        Assert.Equal((string)opened["created_at"]!, (string)opened["updated_at"]!);
        Assert.Equal(5814, (int)opened["mcc"]!);
        Assert.False(opened.ContainsKey("ignored_by_dintero"));
        Assert.Equal(TestBankAccount, (string)opened["bank_accounts"]![0]!["bank_account_number"]!);
        Assert.Equal(new[] { "creditcard", "ipp" }, opened["payment_methods"]!.AsArray().Select(method => (string)method!["payment_method"]!));
        Assert.Equal(opened.ToJsonString(), listed.ToJsonString());

        // The contract_url is served: the form the signatory would open.
        var link = Assert.Single(opened["links"]!.AsArray())!;
        Assert.Equal("contract_url", (string)link["rel"]!);
        using var http = new HttpClient();
        var form = await http.GetStringAsync((string)link["href"]!);
        Assert.Contains((string)opened["id"]!, form);
        using var none = await http.GetAsync(new Uri(env.Emulator.RootUri, "_emulator/forms/" + Guid.NewGuid()));
        Assert.Equal(404, (int)none.StatusCode);
    }

    [Fact]
    public async Task The_list_filters_by_case_status_given_repeated_or_comma_joined_and_refuses_a_status_not_in_Dintero_s_list()
    {
        await using var env = await TestEnvironment.StartAsync();
        var calls = new ApprovalCalls(env.Emulator);
        var token = await calls.AdminAsync();
        var active = await calls.OpenAsync(token, Payments, PaymentBody());
        var declined = await calls.OpenAsync(token, Payments, PaymentBody());
        var waiting = await calls.OpenAsync(token, Payments, PaymentBody());
        env.Emulator.SetApprovalStatus(TestData.AccountId, (string)active["id"]!, "ACTIVE");
        env.Emulator.SetApprovalStatus(TestData.AccountId, (string)declined["id"]!, "DECLINED");

        static IEnumerable<string> Ids(IEnumerable<JsonObject> cases) => cases.Select(each => (string)each["id"]!);

        Assert.Equal(Ids(new[] { active }), Ids(await calls.ListAsync(token, Payments, "?case_status=ACTIVE")));
        Assert.Equal(Ids(new[] { active, declined }), Ids(await calls.ListAsync(token, Payments, "?case_status=ACTIVE&case_status=DECLINED")));
        Assert.Equal(Ids(new[] { active, declined }), Ids(await calls.ListAsync(token, Payments, "?case_status=DECLINED,ACTIVE")));
        Assert.Equal(Ids(new[] { waiting }), Ids(await calls.ListAsync(token, Payments, "?case_status=WAITING_FOR_DECLARATION")));
        Assert.Empty(await calls.ListAsync(token, Payments, "?case_status=TERMINATED"));
        Assert.Equal(3, (await calls.ListAsync(token, Payments)).Count);

        var refused = await calls.SendAsync(HttpMethod.Get, TestData.AccountId, Payments + "?case_status=ACTIVE&case_status=APPROVED", token);
        Assert.Equal(400, refused.Status);
        Assert.Equal(new[] { "case_status[1]" }, FieldPaths(refused));
    }

    [Theory]
    [InlineData("AUTO_APPROVE", "ACTIVE")]
    [InlineData("AUTO_DECLINE", "DECLINED")]
    [InlineData("AUTO_WAITING_FOR_SIGNATURE", "WAITING_FOR_SIGNATURE")]
    public async Task EMULATOR_ONLY_a_test_value_in_form_submitter_title_decides_a_test_account_s_case_right_after_the_answer(string value, string status)
    {
        await using var env = await TestEnvironment.StartAsync();
        var calls = new ApprovalCalls(env.Emulator);
        var token = await calls.AdminAsync();

        var opened = await calls.OpenAsync(token, Payments, PaymentBody(title: value));
        var listed = Assert.Single(await calls.ListAsync(token, Payments));
        var again = Assert.Single(await calls.ListAsync(token, Payments));

        Assert.Equal("AUTOMATIC_REVIEW", (string)opened["case_status"]!);
        Assert.Equal(status, (string)listed["case_status"]!);
        Assert.Equal(status, (string)again["case_status"]!); // decided, it stays
        // The value decides only as the whole field.
        var near = await calls.OpenAsync(token, Payments, PaymentBody(title: value + " please"));
        Assert.Equal("WAITING_FOR_DECLARATION", (string)(await calls.ListAsync(token, Payments)).Single(each => (string)each["id"]! == (string)near["id"]!)["case_status"]!);
    }

    [Fact]
    public async Task On_a_production_account_the_test_values_decide_nothing()
    {
        await using var env = await TestEnvironment.StartAsync(configure: options => options.Clients[ProductionClient] = new ConfiguredClient(ProductionSecret, ProductionAccount));
        var calls = new ApprovalCalls(env.Emulator);
        var token = await calls.Raw.TokenAsync(ProductionClient, ProductionSecret, ProductionAccount);

        var opened = await calls.OpenAsync(token, Payments, PaymentBody(title: "AUTO_APPROVE"), ProductionAccount);
        var seller = await calls.OpenAsync(token, Sellers, SellerBody("seller-0001", "AUTO_APPROVE"), ProductionAccount);

        Assert.Equal("WAITING_FOR_DECLARATION", (string)opened["case_status"]!);
        Assert.Equal("WAITING_FOR_DECLARATION", (string)Assert.Single(await calls.ListAsync(token, Payments, accountId: ProductionAccount))["case_status"]!);
        Assert.Equal("WAITING_FOR_DECLARATION", (string)seller["case_status"]!);
        Assert.Equal("WAITING_FOR_DECLARATION", (string)Assert.Single(await calls.ListAsync(token, Sellers, accountId: ProductionAccount))["case_status"]!);
    }
}
