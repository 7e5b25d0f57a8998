using System.Text.Json.Nodes;
using Dintero.Emulator.Auth;

namespace Dintero.Emulator.Endpoints;

/// <summary><c>POST /v1/accounts/{aid}/auth/token</c>: client credentials with Basic authentication.</summary>
internal static class TokenEndpoint
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/accounts/{aid}/auth/token", async (HttpContext context, string aid, TokenIssuer tokens) =>
        {
            var clientId = tokens.AuthenticateClient(context.Request.Headers.Authorization.ToString());
            if (clientId == null) return ErrorBodies.Unauthorized("Invalid client credentials");
            JsonNode? body;
            try
            {
                body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            }
            catch (System.Text.Json.JsonException)
            {
                return ErrorBodies.Error(400, "INVALID_REQUEST", "The body is not JSON");
            }
            var grant = body?["grant_type"]?.GetValue<string>();
            var audience = body?["audience"]?.GetValue<string>();
            var errors = new List<FieldError>();
            if (grant != "client_credentials") errors.Add(new("grant_type", "should be equal to client_credentials", "enum"));
            if (audience == null || !audience.TrimEnd('/').EndsWith("/accounts/" + aid, StringComparison.Ordinal))
            {
                errors.Add(new("audience", $"should be the account's URL, ending in /accounts/{aid}", "pattern"));
            }
            if (errors.Count > 0) return ErrorBodies.Error(400, "INVALID_REQUEST", "The token request is invalid", errors);
            var (token, expiresIn) = tokens.Issue(clientId, aid, audience!);
            return Results.Json(new { access_token = token, token_type = "Bearer", expires_in = expiresIn });
        });
    }
}
