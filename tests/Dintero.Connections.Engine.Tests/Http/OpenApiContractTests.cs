using System.Collections.Concurrent;
using System.Net.Http;
using System.Text.Json.Nodes;
using Dintero.Connections.Auth;
using Dintero.Connections.Http;
using Dintero.Connections.Json;
using Dintero.Connections.Models;
using Dintero.Connections.Engine.Tests.Support;
using Dintero.Connections.Time;

namespace Dintero.Connections.Engine.Tests.Http;

/// <summary>
/// The engine's requests and the emulator's answers against Dintero's own OpenAPI document: what the module sends is
/// what Dintero publishes it takes, and the emulator the tests rely on answers in Dintero's published shapes.
/// </summary>
public sealed class OpenApiContractTests
{
    private const string Common = "/accounts/{aid}/management/settings/connections/common";
    private const string Bambora = "/accounts/{aid}/management/settings/connections/bambora";

    [Fact]
    public void The_bodies_the_engine_writes_for_the_seed_signups_match_Dintero_s_schema()
    {
        var common = Seeds.Requests(Seeds.CommonPage).ToList();
        var bambora = Seeds.Requests(Seeds.BamboraPage).ToList();
        Assert.NotEmpty(common);
        Assert.NotEmpty(bambora);

        foreach (var seed in common)
        {
            var body = DinteroJson.Serialize(DinteroJson.Deserialize<SignupRequest<CommonConnectionSignup>>(seed));
            Assert.Empty(OpenApiDocument.Violations(OpenApiDocument.Dintero.Request("post", Common), body));
        }
        foreach (var seed in bambora)
        {
            var body = DinteroJson.Serialize(DinteroJson.Deserialize<SignupRequest<BamboraConnectionSignup>>(seed));
            Assert.Empty(OpenApiDocument.Violations(OpenApiDocument.Dintero.Request("post", Bambora), body));
        }
    }

    [Fact]
    public async Task What_the_engine_sends_and_the_emulator_answers_match_Dintero_s_schema()
    {
        await using var env = await TestEnvironment.StartAsync();
        var wire = new RecordingHandler();
        using var client = RecordingClient(env, wire, TestData.ClientId, TestData.ClientSecret);

        await client.AuthenticateAsync(TestData.AccountId);
        var settings = await client.GetAccountSettingsAsync(TestData.AccountId);
        settings.company!.organization_number = "912345678";
        await client.UpdateAccountSettingsAsync(TestData.AccountId, settings.company);
        await client.CreateCommonConnectionAsync(TestData.AccountId, TestData.CommonSignup());
        await client.GetCommonConnectionAsync(TestData.AccountId);
        await client.CreateBamboraConnectionAsync(TestData.AccountId, TestData.BamboraSignup());
        await client.GetBamboraConnectionAsync(TestData.AccountId);
        await client.CreateCommonSignupLinkAsync(TestData.AccountId);
        await client.GetAccountSettingsAsync(TestData.AccountId);

        var (checkedBodies, violations) = Check(wire);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.Equal(9, wire.Exchanges.Count);
        Assert.Equal(13, checkedBodies); // 4 requests with a body (token, PUT, two signups) and 9 answers
    }

    [Fact]
    public async Task A_partner_session_sends_and_gets_back_what_Dintero_s_documents_describe()
    {
        await using var env = await TestEnvironment.StartAsync();
        var wire = new RecordingHandler();
        using var client = RecordingClient(env, wire, TestData.PartnerClientId, TestData.PartnerClientSecret, TestData.PartnerId);

        var invite = await client.CreateMerchantInviteAsync(TestData.PartnerId, Dintero.Connections.Partners.MerchantInvites.Check(new MerchantInvite
        {
            applicant = new AccountApplicant { email = "kari@fjordkaffe.example", signup_reference = "shop-0042" },
            company = new AccountCompany { business_name = "Fjordkaffe AS", address = new Address { address_line = "Storgata 1", postal_place = "Oslo", country = "NO" } },
        }));
        using (var admin = new HttpClient()) await admin.PostAsync(new Uri(env.Emulator.RootUri, $"_emulator/partners/{TestData.PartnerId}/invitations/{invite.prefill_id}/accept"), null);
        var page = await client.ListAccountsAsync(TestData.PartnerId, new Dintero.Connections.Partners.AccountQuery { Limit = 2 });
        await client.ListAccountsAsync(TestData.PartnerId, new Dintero.Connections.Partners.AccountQuery { Limit = 2 }, page.NextCursor);
        await client.GetAccountAsync(TestData.PartnerId, TestData.Merchant);
        await client.CreateCommonConnectionAsync(TestData.Merchant, TestData.CommonSignup());
        await client.GetAccountSettingsAsync(TestData.Merchant);

        var (checkedBodies, violations) = Check(wire);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        // Partner token, invite, two pages, one account, then the merchant's exchange, token, signup and settings.
        Assert.Equal(new[] { "/auth/token", "/signup/prefill", "/management/accounts", "/management/accounts", "/management/accounts/" + TestData.Merchant, "/auth/exchange_token", "/auth/token", "/connections/common", "/management/settings" },
            wire.Exchanges.Select(e => e.Path[(e.Path.IndexOf('/', 13))..]).Select(p => p.StartsWith("/management/settings/connections") ? "/connections/common" : p));
        Assert.Equal(wire.Exchanges.Count + 5, checkedBodies); // five requests with a body: two tokens, exchange, invite, signup
    }

    [Fact]
    public async Task The_endpoints_reached_with_Invoke_DinteroRequest_are_in_the_repository_s_own_document()
    {
        await using var env = await TestEnvironment.StartAsync();
        var wire = new RecordingHandler();
        using var client = RecordingClient(env, wire, TestData.ClientId, TestData.ClientSecret);
        Dintero.Connections.Requests.DinteroRequest Request(string method, string path, object? body = null) =>
            Dintero.Connections.Requests.DinteroRequest.Create(method, path, null, body, TestData.AccountId, client.BaseUri);

        await client.SendAsync(Request("POST", "auth/clients", "{\"name\": \"ecom\", \"client_id\": \"ecom-1\"}"));
        await client.SendPageAsync(Request("GET", "auth/clients"), 10, null);
        await client.SendAsync(Request("PUT", "management/settings/connections/payex/overrides", "{\"overrides\": [{\"payee_id\": \"p-1\"}]}"));

        var (checkedBodies, violations) = Check(wire);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.Equal(4, wire.Exchanges.Count); // the token, then the three
        Assert.Equal(7, checkedBodies); // token, POST and PUT bodies, and four answers
    }

    [Fact]
    public async Task The_go_live_calls_send_and_get_back_what_the_repository_s_documents_describe()
    {
        await using var env = await TestEnvironment.StartAsync();
        var wire = new RecordingHandler();
        using var client = RecordingClient(env, wire, TestData.PartnerClientId, TestData.PartnerClientSecret, TestData.PartnerId);
        const string merchant = TestData.Merchant;

        var (made, _) = await client.CreateApiClientAsync(merchant, "Web shop", "The shop's checkout", "web-shop-" + merchant.ToLowerInvariant());
        var grant = await client.CreateClientGrantAsync(merchant, new ClientGrant { client_id = made.id, audience = client.AccountUri(merchant).AbsoluteUri, scope = new List<string> { Dintero.Connections.Clients.ClientScopes.CheckoutAdmin }, type = "client_credentials" });
        await client.ListApiClientsAsync(merchant);
        await client.GetApiClientAsync(merchant, made.id!);
        await client.ListClientGrantsAsync(merchant, made.id);
        await client.RotateApiClientSecretAsync(merchant, made.id!);
        await client.ListPaymentProfilesAsync(merchant);
        await Dintero.Connections.Checkout.ProfileSwitches.Checked(new[] { "vipps" }, null).ApplyAsync(client, merchant, "default", CancellationToken.None);
        var hook = await client.CreateWebhookAsync(merchant, Dintero.Connections.Webhooks.WebhookEvents.Check(new[] { "settlement_add" }, new Uri(env.Emulator.RootUri, "_emulator/receiver/contract").AbsoluteUri, new DinteroSecret("contract-hook-secret"), insecureSsl: false));
        await client.ListWebhooksAsync(merchant);
        await client.GetWebhookAsync(merchant, hook.id!);
        await client.PingWebhookAsync(merchant, hook.id!);
        // Dintero delivers on its own time: the list is read until the ping is in it.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while ((await client.GetWebhookDeliveriesAsync(merchant, hook.id!, 1)).Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        await client.DeleteWebhookAsync(merchant, hook.id!);
        await client.DeleteClientGrantAsync(merchant, grant.id!);
        await client.DeleteApiClientAsync(merchant, made.id!);

        var (checkedBodies, violations) = Check(wire);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        var paths = wire.Exchanges.Select(e => $"{e.Method} {OpenApiDocument.Dintero.TemplateOf(e.Method, e.Path)}").ToList();
        foreach (var operation in new[]
        {
            "POST /accounts/{oid}/auth/clients", "POST /accounts/{oid}/auth/client-grants", "GET /accounts/{oid}/auth/clients", "GET /accounts/{oid}/auth/clients/{id}",
            "GET /accounts/{oid}/auth/client-grants", "POST /accounts/{oid}/auth/clients/{id}/rotate-secret", "GET /admin/session/profiles", "GET /admin/session/profiles/{profile_id}",
            "PUT /admin/session/profiles/{profile_id}", "POST /accounts/{oid}/hooks/subscriptions", "GET /accounts/{oid}/hooks/subscriptions", "GET /accounts/{oid}/hooks/subscriptions/{hid}",
            "POST /accounts/{oid}/hooks/subscriptions/{hid}/ping", "GET /accounts/{oid}/hooks/subscriptions/{hid}/deliveries", "GET /accounts/{oid}/hooks/subscriptions/{hid}/deliveries/{did}",
            "DELETE /accounts/{oid}/hooks/subscriptions/{hid}", "DELETE /accounts/{oid}/auth/client-grants/{id}", "DELETE /accounts/{oid}/auth/clients/{id}",
        })
        {
            Assert.Contains(operation, paths);
        }
        // The checkout calls went to the checkout root, with the merchant's token like the rest.
        Assert.All(wire.Exchanges.Where(e => e.Path.Contains("/admin/session/")), e => Assert.StartsWith("/checkout/v1/", e.Path));
        Assert.True(checkedBodies > wire.Exchanges.Count, $"{checkedBodies} bodies checked for {wire.Exchanges.Count} exchanges");
    }

    [Fact]
    public async Task The_approval_calls_send_and_get_back_what_the_repository_s_document_describes()
    {
        await using var env = await TestEnvironment.StartAsync();
        var wire = new RecordingHandler();
        using var client = RecordingClient(env, wire, TestData.PartnerClientId, TestData.PartnerClientSecret, TestData.PartnerId);
        const string merchant = TestData.Merchant;
        var payments = Dintero.Connections.Approvals.ApprovalChecks.Check(new PaymentApprovalSignup
        {
            products = new() { new ApprovalProduct { product = "checkout" } },
            payment_methods = new() { new ApprovalPaymentMethod { payment_method = "creditcard" } },
            country_code = "NO",
            organization_number = "912345678",
            bank_accounts = new() { new ApprovalBankAccount { bank_account_currency = "NOK", payout_currency = "NOK", bank_account_number = new DinteroSecret("86011117947"), bank_account_number_type = "BBAN" } },
            form_submitter = new FormSubmitter { email = "kari@fjordkaffe.example", name = "Kari Nordmann", title = "Chief executive" },
        });
        var seller = Dintero.Connections.Approvals.ApprovalChecks.Check(new PayoutDestinationSignup
        {
            payout_destination_id = "contract-seller",
            payout_reference = "Kaffeplassen AS",
            payout_destination_description = "AUTO_APPROVE",
            country_code = "NO",
            organization_number = "912345678",
            bank_accounts = new() { new ApprovalBankAccount { bank_account_currency = "NOK", payout_currency = "NOK", bank_account_number = new DinteroSecret("86011117947") } },
        });

        var made = await client.CreatePaymentApprovalAsync(merchant, payments);
        var listed = await client.ListPaymentApprovalsAsync(merchant, new[] { made.case_status! });
        var sold = await client.CreatePayoutDestinationAsync(merchant, seller);
        var sellers = await client.ListPayoutDestinationsAsync(merchant, "contract-seller", new[] { "ACTIVE", "DECLINED" });

        var (checkedBodies, violations) = Check(wire);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        var paths = wire.Exchanges.Select(e => $"{e.Method} {OpenApiDocument.Dintero.TemplateOf(e.Method, e.Path)}").ToList();
        foreach (var operation in new[]
        {
            "POST /accounts/{oid}/management/settings/approvals/payments", "GET /accounts/{oid}/management/settings/approvals/payments",
            "POST /accounts/{oid}/management/settings/approvals/payout-destinations", "GET /accounts/{oid}/management/settings/approvals/payout-destinations",
        })
        {
            Assert.Contains(operation, paths);
        }
        Assert.Equal(made.id, Assert.Single(listed).id);
        Assert.Equal(merchant, made.account_id);
        Assert.StartsWith("http", made.contract_url);
        Assert.Equal(sold.id, Assert.Single(sellers).id);
        // The filters as Dintero's seller list documents them: case_status repeated, one per status.
        Assert.Contains(wire.Exchanges, e => e.Method == "GET" && e.Query == "?payout_destination_id=contract-seller&case_status=ACTIVE&case_status=DECLINED");
        Assert.True(checkedBodies > wire.Exchanges.Count, $"{checkedBodies} bodies checked for {wire.Exchanges.Count} exchanges");
    }

    // A client whose every exchange the recording handler keeps, for the checks against the documents.
    private static DinteroApi RecordingClient(TestEnvironment env, RecordingHandler wire, string clientId, string secret, string? accountId = null) =>
        new(new DinteroApiOptions { BaseUri = env.Emulator.BaseUri, CheckoutBaseUri = env.Emulator.CheckoutBaseUri, Credential = new DinteroCredential(clientId, secret), AccountId = accountId, Log = env.Transcript }, wire, SystemClock.Instance);

    private static (int CheckedBodies, List<string> Violations) Check(RecordingHandler wire)
    {
        var checkedBodies = 0;
        var violations = new List<string>();
        foreach (var exchange in wire.Exchanges)
        {
            var template = OpenApiDocument.Dintero.TemplateOf(exchange.Method, exchange.Path);
            Assert.True(template != null, $"{exchange.Method} {exchange.Path} is not an operation of Dintero's documents.");
            var method = exchange.Method.ToLowerInvariant();
            if (exchange.RequestBody.Length > 0)
            {
                violations.AddRange(OpenApiDocument.Violations(OpenApiDocument.Dintero.Request(method, template!), exchange.RequestBody).Select(v => $"{exchange.Method} {template} request: {v}"));
                checkedBodies++;
            }
            if (exchange.Status == 204 && OpenApiDocument.Dintero.Documents(method, template!, "204"))
            {
                // No content, as the document says: nothing to check but that there is none.
                Assert.Empty(exchange.ResponseBody);
                continue;
            }
            Assert.True(exchange.Status == 200, $"{exchange.Method} {exchange.Path} answered {exchange.Status}");
            violations.AddRange(OpenApiDocument.Violations(OpenApiDocument.Dintero.Answer(method, template!), exchange.ResponseBody).Select(v => $"{exchange.Method} {template} answer: {v}"));
            checkedBodies++;
        }
        return (checkedBodies, violations);
    }

    [Theory]
    [InlineData("store_type", "\"online\"")]                                       // a list written as one value
    [InlineData("bank_accounts", "[{\"account_number_type\":\"bban\"}]")]          // outside the enum
    [InlineData("payment_options", "null")]                                         // the required list missing
    [InlineData("revenue", "{\"accept_prepaid\":\"yes\"}")]                         // text for a boolean
    public void The_check_sees_a_body_that_breaks_the_schema(string field, string value)
    {
        var body = JsonNode.Parse(DinteroJson.Serialize(new SignupRequest<CommonConnectionSignup> { signup = TestData.CommonSignup() }))!;
        body["signup"]![field] = JsonNode.Parse(value);
        if (value == "null") body["signup"]!.AsObject().Remove(field);

        var violations = OpenApiDocument.Violations(OpenApiDocument.Dintero.Request("post", Common), body.ToJsonString());

        Assert.NotEmpty(violations);
        Assert.Contains(violations, v => v.Contains(field));
    }

    [Fact]
    public void Our_validator_accepts_Dintero_s_own_example_signups()
    {
        var problems = Seeds.Requests(Seeds.CommonPage)
            .SelectMany(seed => Dintero.Connections.Validation.SignupValidator.Validate(DinteroJson.Deserialize<SignupRequest<CommonConnectionSignup>>(seed).signup!))
            .Concat(Seeds.Requests(Seeds.BamboraPage).SelectMany(seed => Dintero.Connections.Validation.SignupValidator.Validate(DinteroJson.Deserialize<SignupRequest<BamboraConnectionSignup>>(seed).signup!)))
            .Select(problem => problem.ToString())
            .ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Sends to the real network and keeps each exchange's method, path, bodies and status.</summary>
    private sealed class RecordingHandler : DelegatingHandler
    {
        public RecordingHandler() : base(new HttpClientHandler()) { }

        public sealed record Exchange(string Method, string Path, string RequestBody, int Status, string ResponseBody, string Query = "");

        private readonly ConcurrentQueue<Exchange> exchanges = new();

        public IReadOnlyList<Exchange> Exchanges => exchanges.ToArray();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var requestBody = request.Content == null ? string.Empty : await request.Content.ReadAsStringAsync();
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync();
            var responseBody = await response.Content.ReadAsStringAsync();
            exchanges.Enqueue(new Exchange(request.Method.Method, request.RequestUri!.AbsolutePath, requestBody, (int)response.StatusCode, responseBody, request.RequestUri.Query));
            return response;
        }
    }
}
