using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Dintero.Emulator.Auth;
using Dintero.Emulator.State;

namespace Dintero.Emulator.Endpoints;

/// <summary>
/// An account's API clients and their grants, as docs/openapi/dintero-clients.yaml has them:
/// <list type="bullet">
/// <item><c>/v1/accounts/{aid}/auth/clients</c>: GET pages (limit 1 to 100, default 10, starting_after), POST creates one and
/// answers its <c>client_secret</c>, once; <c>.../{id}</c> (the client's UUID) GET and DELETE (its credentials stop working, its
/// tokens are revoked, its grants go with it); <c>.../{id}/rotate-secret</c> answers a new secret and the old one stops working.</item>
/// <item><c>/v1/accounts/{aid}/auth/client-grants</c>: POST gives a client a grant, whose <c>client_id</c> is the client's
/// <c>id</c> (a UUID), not its client_id string, which is refused as a UUID format error; GET lists them (filtered by
/// <c>client_id</c> and <c>audience</c>, paged as the clients); <c>.../{id}</c> DELETE.</item>
/// </list>
/// A client made here gets tokens for the audiences of its client_credentials grants, with their scopes (TokenEndpoint).
/// </summary>
internal static class ApiClientEndpoints
{
    /// <summary>Dintero's grant types (the Grant page: client_credentials, password, authorization_code).</summary>
    private static readonly string[] GrantTypes = { "client_credentials", "password", "authorization_code" };

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/accounts/{aid}/auth/clients", (HttpContext context, string aid, TokenIssuer tokens, AccountStore store) =>
        {
            if (Guard.Check(context, aid, tokens) is { } refused) return refused;
            var account = store.Get(aid);
            List<JsonObject> clients;
            lock (account.Gate) clients = account.ApiClients.Select(client => (JsonObject)client.DeepClone()).ToList();
            return CursorPage.Of(context.Request.Query, clients, (client, cursor) => client["id"]!.GetValue<string>() == cursor, client => client);
        });

        api.MapPost("/accounts/{aid}/auth/clients", async (HttpContext context, string aid, TokenIssuer tokens, AccountStore store) =>
        {
            if (Guard.Check(context, aid, tokens) is { } refused) return refused;
            var body = await JsonBody.ReadObjectAsync(context);
            if (body == null) return JsonBody.NotAnObject();
            var name = JsonBody.String(body, "name");
            if (name == null) return ErrorBodies.Error(400, "VALIDATION_ERROR", "The request is invalid", new[] { new FieldError("name", "is required", "required") });
            var clientId = JsonBody.String(body, "client_id") ?? Guid.NewGuid().ToString("N");
            if (store.FindCreatedClient(clientId) != null) return ErrorBodies.Error(409, "CONFLICT", $"A client with client_id {clientId} exists already");
            var created = store.AddApiClient(aid, clientId, name, JsonBody.String(body, "description"), body["callbacks"] as JsonArray);
            var secret = NewSecret();
            store.AddCreatedClient(new AccountStore.CreatedClient(aid, created["id"]!.GetValue<string>(), clientId, secret));
            // Dintero shows the secret in this answer only.
            return JsonBody.Json(WithSecret(created, secret));
        });

        api.MapGet("/accounts/{aid}/auth/clients/{id}", (HttpContext context, string aid, string id, TokenIssuer tokens, AccountStore store) =>
        {
            if (Guard.Check(context, aid, tokens) is { } refused) return refused;
            var client = Find(store.Get(aid), id);
            return client == null ? ClientNotFound(id) : JsonBody.Json(client.DeepClone());
        });

        api.MapDelete("/accounts/{aid}/auth/clients/{id}", (HttpContext context, string aid, string id, TokenIssuer tokens, AccountStore store, EmulatorOptions options) =>
        {
            if (Guard.Check(context, aid, tokens) is { } refused) return refused;
            var account = store.Get(aid);
            JsonObject? client;
            lock (account.Gate)
            {
                client = account.ApiClients.FirstOrDefault(candidate => candidate["id"]!.GetValue<string>() == id);
                if (client == null) return ClientNotFound(id);
                account.ApiClients.Remove(client);
                account.Grants.RemoveAll(grant => grant["client_id"]?.GetValue<string>() == id);
            }
            var clientId = client["client_id"]!.GetValue<string>();
            store.RemoveCreatedClient(clientId);
            tokens.RevokeClient(clientId);
            client["deleted_at"] = AccountStore.Timestamp(options.Clock.GetUtcNow());
            client["deleted_by"] = tokens.ClientOf(Guard.Authorization(context));
            return JsonBody.Json(client);
        });

        api.MapPost("/accounts/{aid}/auth/clients/{id}/rotate-secret", (HttpContext context, string aid, string id, TokenIssuer tokens, AccountStore store) =>
        {
            if (Guard.Check(context, aid, tokens) is { } refused) return refused;
            var client = Find(store.Get(aid), id);
            if (client == null) return ClientNotFound(id);
            var created = store.FindCreatedClient(client["client_id"]!.GetValue<string>());
            if (created == null) return ErrorBodies.Error(409, "CONFLICT", "The client was set up with the emulator; its secret is its options'");
            var secret = NewSecret();
            created.Secret = secret;
            return JsonBody.Json(WithSecret(client, secret));
        });

        MapGrants(api);
    }

    private static void MapGrants(RouteGroupBuilder api)
    {
        api.MapPost("/accounts/{aid}/auth/client-grants", async (HttpContext context, string aid, TokenIssuer tokens, AccountStore store, EmulatorOptions options) =>
        {
            if (Guard.Check(context, aid, tokens) is { } refused) return refused;
            var body = await JsonBody.ReadObjectAsync(context);
            if (body == null) return JsonBody.NotAnObject();
            var errors = new List<FieldError>();
            var clientId = JsonBody.String(body, "client_id");
            // The client's id, a UUID: its client_id string is refused by the schema's format, before any lookup.
            if (clientId == null) errors.Add(new("client_id", "is required", "required"));
            else if (!Guid.TryParseExact(clientId, "D", out _)) errors.Add(new("client_id", "should match format \"uuid\"", "format"));
            var audience = JsonBody.String(body, "audience");
            if (audience == null) errors.Add(new("audience", "is required", "required"));
            else if (!audience.TrimEnd('/').EndsWith("/accounts/" + aid, StringComparison.Ordinal)) errors.Add(new("audience", $"should be the account's URL, ending in /accounts/{aid}", "pattern"));
            var type = JsonBody.String(body, "type");
            if (type == null) errors.Add(new("type", "is required", "required"));
            else if (!GrantTypes.Contains(type)) errors.Add(new("type", $"should be equal to one of the allowed values: {string.Join(", ", GrantTypes)}", "enum"));
            if (body["scope"] is not JsonArray scope || scope.Count == 0 || scope.Any(item => item == null || item.GetValueKind() != System.Text.Json.JsonValueKind.String))
            {
                errors.Add(new("scope", "should be a non-empty array of strings", "type"));
                scope = new JsonArray();
            }
            if (errors.Count > 0) return ErrorBodies.Error(400, "VALIDATION_ERROR", "The request is invalid", errors);
            var account = store.Get(aid);
            if (Find(account, clientId!) == null) return ErrorBodies.Error(404, "NOT_FOUND", $"Client {clientId} was not found");
            var now = AccountStore.Timestamp(options.Clock.GetUtcNow());
            var grant = new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString(),
                ["created_at"] = now,
                ["created_by"] = tokens.ClientOf(Guard.Authorization(context)),
                ["updated_at"] = now,
                ["client_id"] = clientId,
                ["audience"] = audience,
                ["scope"] = scope.DeepClone(),
                ["type"] = type,
            };
            lock (account.Gate) account.Grants.Add(grant);
            return JsonBody.Json(grant.DeepClone());
        });

        api.MapGet("/accounts/{aid}/auth/client-grants", (HttpContext context, string aid, TokenIssuer tokens, AccountStore store) =>
        {
            if (Guard.Check(context, aid, tokens) is { } refused) return refused;
            var account = store.Get(aid);
            var clientId = context.Request.Query["client_id"].ToString();
            var audience = context.Request.Query["audience"].ToString();
            List<JsonObject> grants;
            lock (account.Gate)
            {
                grants = account.Grants
                    .Where(grant => clientId.Length == 0 || grant["client_id"]?.GetValue<string>() == clientId)
                    .Where(grant => audience.Length == 0 || grant["audience"]?.GetValue<string>()?.TrimEnd('/') == audience.TrimEnd('/'))
                    .Select(grant => (JsonObject)grant.DeepClone()).ToList();
            }
            return CursorPage.Of(context.Request.Query, grants, (grant, cursor) => grant["id"]!.GetValue<string>() == cursor, grant => grant);
        });

        api.MapDelete("/accounts/{aid}/auth/client-grants/{id}", (HttpContext context, string aid, string id, TokenIssuer tokens, AccountStore store) =>
        {
            if (Guard.Check(context, aid, tokens) is { } refused) return refused;
            var account = store.Get(aid);
            lock (account.Gate)
            {
                var grant = account.Grants.FirstOrDefault(candidate => candidate["id"]!.GetValue<string>() == id);
                if (grant == null) return ErrorBodies.Error(404, "NOT_FOUND", $"Grant {id} was not found");
                account.Grants.Remove(grant);
                return JsonBody.Json(grant.DeepClone());
            }
        });
    }

    private static JsonObject? Find(AccountStore.Account account, string id)
    {
        lock (account.Gate) return account.ApiClients.FirstOrDefault(client => client["id"]!.GetValue<string>() == id);
    }

    private static JsonObject WithSecret(JsonObject client, string secret)
    {
        var answer = (JsonObject)client.DeepClone();
        answer["client_secret"] = secret;
        return answer;
    }

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=');

    private static IResult ClientNotFound(string id) => ErrorBodies.Error(404, "NOT_FOUND", $"Client {id} was not found");
}
