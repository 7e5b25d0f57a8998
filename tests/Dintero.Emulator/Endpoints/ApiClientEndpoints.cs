using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dintero.Emulator.Auth;
using Dintero.Emulator.State;

namespace Dintero.Emulator.Endpoints;

/// <summary>
/// Endpoints the module has no cmdlet for, reached with Invoke-DinteroRequest: an account's API clients
/// (<c>GET /v1/accounts/{oid}/auth/clients</c>, paged with <c>limit</c> 1 to 100, default 10, and <c>starting_after</c>;
/// <c>POST</c> creates one and answers its <c>client_secret</c>, once), and PayEx's overrides
/// (<c>PUT .../management/settings/connections/payex/overrides</c>, <c>{overrides: [one object]}</c>). See
/// docs/openapi/dintero-partner.yaml for the sources.
/// </summary>
internal static class ApiClientEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/accounts/{oid}/auth/clients", (HttpContext context, string oid, TokenIssuer tokens, AccountStore store) =>
        {
            if (Guard.Check(context, oid, tokens) is { } refused) return refused;
            var account = store.Get(oid);
            List<JsonObject> clients;
            lock (account.Gate) clients = account.ApiClients.Select(client => (JsonObject)client.DeepClone()).ToList();
            return CursorPage.Of(context.Request.Query, clients, (client, cursor) => client["id"]!.GetValue<string>() == cursor, client => client);
        });

        api.MapPost("/accounts/{oid}/auth/clients", async (HttpContext context, string oid, TokenIssuer tokens, AccountStore store) =>
        {
            if (Guard.Check(context, oid, tokens) is { } refused) return refused;
            var body = await ReadObjectAsync(context);
            if (body == null) return ErrorBodies.Error(400, "INVALID_REQUEST", "The body is not a JSON object");
            if (body["name"]?.GetValueKind() != JsonValueKind.String) return ErrorBodies.Error(400, "VALIDATION_ERROR", "The request is invalid", new[] { new FieldError("name", "is required", "required") });
            var clientId = body["client_id"]?.GetValueKind() == JsonValueKind.String ? body["client_id"]!.GetValue<string>() : Guid.NewGuid().ToString("N");
            var created = (JsonObject)store.AddApiClient(oid, clientId, body["name"]!.GetValue<string>(), body["description"]?.GetValue<string>(), body["callbacks"] as JsonArray).DeepClone();
            // Dintero shows the secret in this answer only.
            created["client_secret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=');
            return Results.Content(created.ToJsonString(EmulatorJson.Options), "application/json");
        });

        api.MapPut("/accounts/{aid}/management/settings/connections/payex/overrides", async (HttpContext context, string aid, TokenIssuer tokens, AccountStore store) =>
        {
            if (Guard.Check(context, aid, tokens) is { } refused) return refused;
            var body = await ReadObjectAsync(context);
            if (body == null) return ErrorBodies.Error(400, "INVALID_REQUEST", "The body is not a JSON object");
            if (body["overrides"] is not JsonArray overrides || overrides.Count > 1 || overrides.Any(item => item is not JsonObject))
            {
                return ErrorBodies.Error(400, "VALIDATION_ERROR", "The request is invalid", new[] { new FieldError("overrides", "should be an array of at most 1 object", "maxItems") });
            }
            var account = store.Get(aid);
            var stored = new JsonObject { ["overrides"] = overrides.DeepClone(), ["updated_at"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture) };
            lock (account.Gate) account.PayExOverrides = stored;
            return Results.Content(stored.ToJsonString(EmulatorJson.Options), "application/json");
        });
    }

    private static async Task<JsonObject?> ReadObjectAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
