using System.Net.Http;
using System.Text.Json.Nodes;
using Dintero.Connections.Engine.Tests.Support;

namespace Dintero.Connections.Engine.Tests.Approvals;

/// <summary>
/// The approval calls the emulator tests make over plain HTTP, each one checked against docs/openapi/dintero-approvals.yaml
/// on its way: a request body meant to be valid against the operation's request schema, and every answer, whatever its
/// status, against the schema the document gives that status (a 204 has no body).
/// </summary>
internal sealed class ApprovalCalls
{
    public const string Payments = "/management/settings/approvals/payments";
    public const string Sellers = "/management/settings/approvals/payout-destinations";

    /// <summary>Dintero's test bank account (docs/checkout/split-payment/testing-split-payments), not a person's.</summary>
    public const string TestBankAccount = "86011117947";

    public ApprovalCalls(EmulatorHandle emulator) => Raw = new RawApi(emulator);

    public RawApi Raw { get; }

    /// <summary>A token of the suite's merchant client (admin:accounts among its scopes).</summary>
    public Task<string> AdminAsync() => Raw.TokenAsync(TestData.ClientId, TestData.ClientSecret, TestData.AccountId);

    /// <summary>An application for payments with every field the yaml requires, and a form submitter with this title.</summary>
    public static JsonObject PaymentBody(string title = "CEO") => new()
    {
        ["products"] = new JsonArray { new JsonObject { ["product"] = "checkout" } },
        ["payment_methods"] = new JsonArray { new JsonObject { ["payment_method"] = "creditcard" }, new JsonObject { ["payment_method"] = "ipp" } },
        ["country_code"] = "NO",
        ["organization_number"] = "912345678",
        ["bank_accounts"] = new JsonArray { BankAccount() },
        ["form_submitter"] = new JsonObject { ["email"] = "kari@fjordkaffe.example", ["name"] = "Kari Nordmann", ["title"] = title },
    };

    /// <summary>A company seller with the fields the yaml requires, and this description (where the test values go).</summary>
    public static JsonObject SellerBody(string payoutDestinationId, string description = "Kaffeplassen's roastery") => new()
    {
        ["payout_destination_id"] = payoutDestinationId,
        ["payout_destination_name"] = "Fjordkaffe AS",
        ["payout_destination_description"] = description,
        ["payout_reference"] = "Kaffeplassen",
        ["country_code"] = "NO",
        ["organization_number"] = "912345678",
        ["bank_accounts"] = new JsonArray { BankAccount() },
        ["form_submitter"] = new JsonObject { ["email"] = "kari@fjordkaffe.example" },
    };

    public static JsonObject BankAccount() => new()
    {
        ["bank_account_currency"] = "NOK",
        ["payout_currency"] = "NOK",
        ["bank_account_number"] = TestBankAccount,
        ["bank_account_number_type"] = "BBAN",
    };

    /// <summary>POSTs an application to <paramref name="route"/> of the account; the case it answered (a refusal fails the test).</summary>
    public async Task<JsonObject> OpenAsync(string token, string route, JsonObject body, string accountId = TestData.AccountId)
    {
        var answer = await SendAsync(HttpMethod.Post, accountId, route, token, body);
        Assert.True(answer.Status == 200, $"POST {route}: {answer}");
        return answer.Json.AsObject();
    }

    /// <summary>GETs the account's list at <paramref name="route"/> with the query; the cases (a refusal fails the test).</summary>
    public async Task<List<JsonObject>> ListAsync(string token, string route, string query = "", string accountId = TestData.AccountId)
    {
        var answer = await SendAsync(HttpMethod.Get, accountId, route + query, token);
        Assert.True(answer.Status == 200, $"GET {route}{query}: {answer}");
        var member = route == Payments ? "payments" : "payout_destinations";
        return answer.Json[member]!.AsArray().Select(each => each!.AsObject()).ToList();
    }

    /// <summary>
    /// Sends a request to the account's <paramref name="route"/> (with its query), its body checked against the yaml's
    /// request schema unless it is <paramref name="meantInvalid"/>, and its answer against the yaml's schema of its status.
    /// </summary>
    public async Task<RawApi.Answer> SendAsync(HttpMethod method, string accountId, string route, string? token, JsonNode? body = null, bool meantInvalid = false)
    {
        var path = $"/v1/accounts/{accountId}{route}";
        var template = OpenApiDocument.Dintero.TemplateOf(method.Method, path);
        Assert.True(template != null, $"{method} {path} is not an operation of Dintero's documents.");
        var operation = method.Method.ToLowerInvariant();
        if (body != null && !meantInvalid) Conforms(OpenApiDocument.Dintero.Request(operation, template!), body.ToJsonString(), $"{method} {template} request");

        var answer = await Raw.SendAsync(method, path, token, body);

        var status = answer.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(OpenApiDocument.Dintero.Documents(operation, template!, status), $"{method} {template} answered {answer}, a status the yaml does not document");
        if (answer.Status == 204) Assert.Empty(answer.Text);
        else Conforms(OpenApiDocument.Dintero.Answer(operation, template!, status), answer.Text, $"{method} {template} answer {status}");
        return answer;
    }

    /// <summary>Fails the test with every violation when <paramref name="json"/> breaks the schema.</summary>
    public static void Conforms(NJsonSchema.JsonSchema schema, string json, string what)
    {
        var violations = OpenApiDocument.Violations(schema, json);
        Assert.True(violations.Count == 0, $"{what} breaks the yaml's schema: {string.Join("; ", violations)}");
    }

    /// <summary>The field paths of a 400's errors, in order.</summary>
    public static List<string> FieldPaths(RawApi.Answer refused) =>
        refused.Json["error"]!["errors"]!.AsArray().Select(error => (string)error!["path"]!).ToList();
}
