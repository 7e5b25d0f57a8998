using System.Text.Json.Nodes;
using Dintero.Emulator.Auth;
using Dintero.Emulator.State;
using Dintero.Emulator.Validation;

namespace Dintero.Emulator.Endpoints;

/// <summary><c>POST</c> and <c>GET /v1/accounts/{aid}/management/settings/connections/{common|bambora}</c>.</summary>
internal static class ConnectionEndpoints
{
    private const string Route = "/accounts/{aid}/management/settings/connections/";

    public static void Map(RouteGroupBuilder api)
    {
        foreach (var kind in new[] { "common", "bambora" })
        {
            api.MapPost(Route + kind, (HttpContext context, string aid, TokenIssuer tokens, AccountStore store, EmulatorOptions options) =>
                CreateAsync(kind, context, aid, tokens, store, options));
            api.MapGet(Route + kind, (HttpContext context, string aid, TokenIssuer tokens, AccountStore store) =>
            {
                if (Guard.Check(context, aid, tokens) is { } refused) return refused;
                var account = store.Get(aid);
                return account.Connections.TryGetValue(kind, out var connection)
                    ? Results.Content(connection.ToJsonString(EmulatorJson.Options), "application/json")
                    : ErrorBodies.Error(404, "NOT_FOUND", $"The account {aid} has no {kind} connection");
            });
        }
    }

    private static async Task<IResult> CreateAsync(string kind, HttpContext context, string aid, TokenIssuer tokens, AccountStore store, EmulatorOptions options)
    {
        if (Guard.Check(context, aid, tokens) is { } refused) return refused;
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (System.Text.Json.JsonException)
        {
            return ErrorBodies.Error(400, "INVALID_REQUEST", "The body is not JSON");
        }
        if (body?["signup"] is not JsonObject signup)
        {
            return ErrorBodies.Error(400, "VALIDATION_ERROR", "The request is invalid", new[] { new FieldError("signup", "is required", "required") });
        }
        var errors = kind == "common" ? SignupRules.Common(signup) : SignupRules.Bambora(signup);
        if (errors.Count > 0) return ErrorBodies.Error(400, "VALIDATION_ERROR", "The request is invalid", errors);

        var account = store.Get(aid);
        JsonObject connection;
        lock (account.Gate)
        {
            if (kind == "common" && string.IsNullOrEmpty(account.Company["organization_number"]?.GetValue<string>()))
            {
                return ErrorBodies.Error(400, "ORGANIZATION_NUMBER_REQUIRED",
                    "The account company must be configured with organization_number before the Common signup (PUT /management/settings)",
                    new[] { new FieldError("company.organization_number", "is required", "required") });
            }
            var createdBy = tokens.ClientOf(context.Request.Headers.Authorization.ToString()) ?? "unknown";
            var now = options.Clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
            var signupLink = $"{context.Request.Scheme}://{context.Request.Host}/sign/{Guid.NewGuid():N}";
            connection = kind == "common"
                ? Responses.Common(signup, now, createdBy, signupLink)
                : Responses.Bambora(signup, now, createdBy, signupLink);
            account.Connections[kind] = connection;
        }
        return Results.Content(connection.ToJsonString(EmulatorJson.Options), "application/json");
    }
}
