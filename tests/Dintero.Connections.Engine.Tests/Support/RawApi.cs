using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Dintero.Connections.Engine.Tests.Support;

/// <summary>
/// The emulator's API over plain HTTP, with none of the engine in the way: for tests of the emulator itself (what it
/// takes, refuses and answers), where the engine's own checks would stop a request before the emulator saw it. Tokens
/// are had as any client has them: client credentials, an API client made with a grant of chosen scopes, or a
/// partner's exchange.
/// </summary>
internal sealed class RawApi
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly EmulatorHandle emulator;

    public RawApi(EmulatorHandle emulator) => this.emulator = emulator;

    /// <summary>An answer: its status and its body as sent.</summary>
    public sealed record Answer(int Status, string Text)
    {
        public JsonNode Json => JsonNode.Parse(Text) ?? throw new InvalidOperationException("The answer is JSON null.");

        public override string ToString() => $"{Status} {Text}";
    }

    /// <summary>The account's URL, the audience of its tokens: <c>http://127.0.0.1:{port}/v1/accounts/{aid}</c>.</summary>
    public string AccountUrl(string accountId) => Url($"/v1/accounts/{accountId}");

    /// <summary>A client-credentials token of a client of the account.</summary>
    public async Task<string> TokenAsync(string clientId, string secret, string accountId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, AccountUrl(accountId) + "/auth/token")
        {
            Content = Body(new JsonObject { ["grant_type"] = "client_credentials", ["audience"] = AccountUrl(accountId) }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(clientId + ":" + secret)));
        return AccessToken(await SendAsync(request).ConfigureAwait(false));
    }

    /// <summary>
    /// A token of a new API client of <see cref="TestData.AccountId"/> whose one grant has exactly <paramref name="scopes"/>:
    /// made through the API with the suite client's token, as a merchant makes a client for one job.
    /// </summary>
    public async Task<string> ScopedTokenAsync(params string[] scopes)
    {
        var admin = await TokenAsync(TestData.ClientId, TestData.ClientSecret, TestData.AccountId).ConfigureAwait(false);
        var account = $"/v1/accounts/{TestData.AccountId}";
        var clientId = "scoped-" + Guid.NewGuid().ToString("N");
        var made = Ok(await SendAsync(HttpMethod.Post, account + "/auth/clients", admin, new JsonObject { ["name"] = string.Join(" ", scopes), ["client_id"] = clientId }).ConfigureAwait(false));
        var grant = new JsonObject
        {
            ["client_id"] = (string)made["id"]!,
            ["audience"] = AccountUrl(TestData.AccountId),
            ["scope"] = new JsonArray(scopes.Select(scope => (JsonNode)scope).ToArray()),
            ["type"] = "client_credentials",
        };
        Ok(await SendAsync(HttpMethod.Post, account + "/auth/client-grants", admin, grant).ConfigureAwait(false));
        return await TokenAsync(clientId, (string)made["client_secret"]!, TestData.AccountId).ConfigureAwait(false);
    }

    /// <summary>The merchant's token a partner buys through the exchange (the exchange token, then the merchant's token with it).</summary>
    public async Task<string> MerchantTokenAsync(string merchant)
    {
        var partner = await TokenAsync(TestData.PartnerClientId, TestData.PartnerClientSecret, TestData.PartnerId).ConfigureAwait(false);
        var exchange = AccessToken(await SendAsync(HttpMethod.Post, $"/v1/accounts/{TestData.PartnerId}/auth/exchange_token", partner, new JsonObject { ["account_id"] = merchant }).ConfigureAwait(false));
        var bought = new JsonObject { ["grant_type"] = "client_credentials", ["audience"] = AccountUrl(TestData.PartnerId) };
        return AccessToken(await SendAsync(HttpMethod.Post, $"/v1/accounts/{merchant}/auth/token", exchange, bought).ConfigureAwait(false));
    }

    /// <summary>Sends a request to a path of the emulator (<c>/v1/accounts/...</c>, with its query) with a bearer token, if any.</summary>
    public async Task<Answer> SendAsync(HttpMethod method, string path, string? token, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, Url(path));
        if (token != null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body != null) request.Content = Body(body);
        return await SendAsync(request).ConfigureAwait(false);
    }

    private static async Task<Answer> SendAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request).ConfigureAwait(false);
        return new Answer((int)response.StatusCode, await response.Content.ReadAsStringAsync().ConfigureAwait(false));
    }

    private string Url(string path) => emulator.RootUri.AbsoluteUri.TrimEnd('/') + path;

    private static StringContent Body(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static JsonObject Ok(Answer answer) =>
        answer.Status == 200 ? answer.Json.AsObject() : throw new InvalidOperationException($"The emulator refused a setup call: {answer}");

    private static string AccessToken(Answer answer) => (string)Ok(answer)["access_token"]!;
}
