using System.Collections;
using Dintero.Connections.Errors;
using Dintero.Connections.Models;
using Dintero.Connections.Requests;
using Dintero.Connections.Engine.Tests.Support;
using Dintero.Emulator.Faults;

namespace Dintero.Connections.Engine.Tests.Requests;

/// <summary>Requests to endpoints without a typed call (Invoke-DinteroRequest's engine), checked first, then over real HTTP.</summary>
public sealed class DinteroRequestTests
{
    private static readonly Uri Root = new("https://api.dintero.com/v1/");

    private static DinteroRequest Create(string path, string method = "GET", IDictionary? query = null, object? body = null, string account = TestData.AccountId) =>
        DinteroRequest.Create(method, path, query, body, account, Root);

    private static DinteroValidationException Refused(Func<DinteroRequest> create) => Assert.Throws<DinteroValidationException>(() => create());

    [Theory]
    [InlineData("management/settings/connections/payex/overrides", "accounts/T00000001/management/settings/connections/payex/overrides", "T00000001")]
    [InlineData("/accounts/T11200001/auth/clients", "accounts/T11200001/auth/clients", "T11200001")]
    [InlineData("accounts/T11200001/auth/clients", "accounts/T11200001/auth/clients", "T11200001")]
    [InlineData("/v1/accounts/{aid}/management/settings", "accounts/T00000001/management/settings", "T00000001")]
    [InlineData("https://api.dintero.com/v1/accounts/T11200002/management/settings", "accounts/T11200002/management/settings", "T11200002")]
    [InlineData("  /accounts/{AID}/auth/clients  ", "accounts/T00000001/auth/clients", "T00000001")]
    public void A_path_under_the_account_or_from_the_root_names_the_account_its_token_is_for(string given, string path, string account)
    {
        var request = Create(given);

        Assert.Equal(path, request.Path);
        Assert.Equal(account, request.AccountId);
        Assert.False(request.IsChange);
    }

    [Fact]
    public void The_query_is_encoded_a_list_repeats_its_name_and_the_path_s_own_query_is_kept()
    {
        var request = Create("management/accounts?search=T112", query: new Hashtable { ["connections"] = new[] { "common", "vipps" }, ["include deleted"] = true });

        Assert.StartsWith("accounts/T00000001/management/accounts?search=T112&", request.RelativeUri);
        Assert.Contains("connections=common&connections=vipps", request.RelativeUri);
        Assert.Contains("include%20deleted=true", request.RelativeUri);
        var paged = request.Page(10, "abc");
        Assert.EndsWith("limit=10&starting_after=abc", paged.RelativeUri);
        Assert.Equal(10, paged.Limit);
    }

    [Fact]
    public void Bad_requests_are_refused_before_sending_with_what_is_accepted()
    {
        Assert.Contains("Did you mean 'POST'", Refused(() => Create("management/settings", method: "POSTT")).Message);
        Assert.Contains("outside the connected API", Refused(() => Create("https://evil.example/v1/accounts/T00000001/x")).Message);
        Assert.Contains("takes none", Refused(() => Create("management/settings", body: new Hashtable { ["a"] = 1 })).Message);
        Assert.Contains("not JSON", Refused(() => Create("management/settings", method: "PUT", body: "{\"a\": ")).Message);
        Assert.Contains("not an account id", Refused(() => Create("/accounts/X123/management/settings")).Message);
        Assert.Contains("'..'", Refused(() => Create("management/../auth/token")).Message);
        // Decoded as the server decodes them: an encoded dot segment or slash is one too.
        Assert.Contains("'..'", Refused(() => Create("management/%2e%2e/%2e%2e/auth/clients")).Message);
        Assert.Contains("'..'", Refused(() => Create("management/%2E%2e/auth/clients")).Message);
        Assert.Contains("'..'", Refused(() => Create("management%2F..%2Fauth/clients")).Message);
        Assert.Contains("Path: is empty", Refused(() => Create(" ")).Message);
    }

    [Fact]
    public void Every_method_but_GET_is_a_change_and_the_body_is_sent_as_JSON()
    {
        var request = Create("management/settings/connections/payex/overrides", method: "put", body: new Dictionary<string, object?> { ["overrides"] = new List<object?> { new Dictionary<string, object?> { ["x"] = 1L } } });

        Assert.Equal("PUT", request.Method);
        Assert.True(request.IsChange);
        Assert.Equal("{\"overrides\":[{\"x\":1}]}", System.Text.Encoding.UTF8.GetString(request.Body!));
        Assert.Equal("PUT /accounts/T00000001/management/settings/connections/payex/overrides", request.ToString());
    }

    [Fact]
    public async Task An_endpoint_without_a_typed_call_is_reached_with_the_session_s_token()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Api();
        var body = new Dictionary<string, object?> { ["overrides"] = new List<object?> { new Dictionary<string, object?> { ["payee_id"] = "p-1" } } };

        var response = await client.SendAsync(DinteroRequest.Create("PUT", "management/settings/connections/payex/overrides", null, body, TestData.AccountId, client.BaseUri));

        Assert.Equal(200, response.StatusCode);
        var content = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(response.Content);
        var overrides = Assert.IsAssignableFrom<IReadOnlyList<object?>>(content["overrides"]);
        Assert.Equal("p-1", ((IReadOnlyDictionary<string, object?>)overrides[0]!)["payee_id"]);
        Assert.Equal(1, env.Requests.Count("PUT", "/payex/overrides"));
        Assert.NotNull(response.Trace);
    }

    [Fact]
    public async Task A_partner_reaches_a_merchant_s_endpoint_through_the_exchange_and_pages_through_a_list()
    {
        await using var env = await TestEnvironment.StartAsync();
        for (var i = 0; i < 24; i++) env.Emulator.AddApiClient(TestData.Merchant, $"client-{i:00}", $"Client {i}");
        var client = env.PartnerApi();
        var request = DinteroRequest.Create("GET", "/accounts/{aid}/auth/clients", null, null, TestData.Merchant, client.BaseUri);

        var pages = new List<int>();
        string? cursor = null;
        do
        {
            var page = await client.SendPageAsync(request, 10, cursor);
            pages.Add(page.Items[0].Items!.Count);
            cursor = page.NextCursor;
        }
        while (cursor != null);

        Assert.Equal(new[] { 10, 10, 4 }, pages);
        Assert.Equal(3, env.Requests.Count("GET", "/auth/clients"));
        Assert.Contains(env.Requests.Entries, entry => entry.Path.EndsWith("/auth/exchange_token"));
        Assert.Contains(env.Requests.Entries, entry => entry.Query.Contains("starting_after="));
    }

    [Fact]
    public async Task A_change_that_got_a_503_is_not_sent_again_and_a_read_is()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.Faults.Add(new Fault { Method = "PUT", Path = "/v1/accounts/*/management/settings/connections/payex/overrides", Status = 503 });
        env.Emulator.Faults.Add(new Fault { Method = "GET", Path = "/v1/accounts/*/auth/clients", Status = 503 });
        var client = env.Api();
        var put = DinteroRequest.Create("PUT", "management/settings/connections/payex/overrides", null, "{\"overrides\": []}", TestData.AccountId, client.BaseUri);

        var error = await env.FailsWith<DinteroApiException>(() => client.SendAsync(put));
        var read = await client.SendAsync(DinteroRequest.Create("GET", "auth/clients", null, null, TestData.AccountId, client.BaseUri));

        Assert.Equal(503, error.StatusCode);
        Assert.Contains("not sent again", error.Advice);
        Assert.Equal(1, env.Requests.Count("PUT", "/payex/overrides"));
        Assert.Equal(200, read.StatusCode);
        Assert.Equal(2, env.Requests.Count("GET", "/auth/clients"));
    }

    [Fact]
    public async Task Credentials_in_an_answer_are_held_as_secrets_and_masked_in_its_JSON_and_log()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Api();

        var created = await client.SendAsync(DinteroRequest.Create("POST", "auth/clients", null, "{\"name\": \"ecom\", \"client_id\": \"ecom-123\"}", TestData.AccountId, client.BaseUri));

        var content = (IReadOnlyDictionary<string, object?>)created.Content!;
        var secret = Assert.IsType<DinteroSecret>(content["client_secret"]);
        Assert.Equal("***", secret.ToString());
        Assert.True(secret.GetPlainText().Length >= 32);
        Assert.Contains("\"client_secret\":\"***\"", created.Json);
        Assert.DoesNotContain(secret.GetPlainText(), created.Json);
        Assert.Equal("ecom", content["name"]);
        Transcript.AssertClean(env.Transcript.Lines, new[] { secret.GetPlainText() });
    }
}
