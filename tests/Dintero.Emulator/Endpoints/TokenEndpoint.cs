using System.Text.Json.Nodes;
using Dintero.Emulator.Auth;
using Dintero.Emulator.State;

namespace Dintero.Emulator.Endpoints;

/// <summary>
/// The token endpoints: <c>POST /v1/accounts/{aid}/auth/token</c> (client credentials with Basic authentication, or a
/// merchant token bought with a partner's exchange token) and <c>POST /v1/accounts/{partner}/auth/exchange_token</c>.
/// </summary>
internal static class TokenEndpoint
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/accounts/{aid}/auth/token", async (HttpContext context, string aid, TokenIssuer tokens, AccountStore store, EmulatorOptions options) =>
        {
            if (Guard.Malformed(aid) is { } malformed) return malformed;
            var authorization = Guard.Authorization(context);
            var body = await ReadAsync(context);
            if (body == null) return ErrorBodies.Error(400, "INVALID_REQUEST", "The body is not JSON");
            var grant = body["grant_type"]?.GetValue<string>();
            var audience = body["audience"]?.GetValue<string>();
            var errors = new List<FieldError>();
            if (grant != "client_credentials") errors.Add(new("grant_type", "should be equal to client_credentials", "enum"));

            if (authorization != null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                // A partner's exchange token buys the merchant's token; its audience is the partner's account.
                var (exchange, refusal) = tokens.Bearer(authorization);
                if (refusal != null) return refusal.ToResult();
                if (exchange!.Kind != TokenKind.Exchange || exchange.AccountId != aid)
                {
                    return ErrorBodies.Error(403, "FORBIDDEN", $"Only an exchange token for {aid} buys its token with a bearer token.");
                }
                if (!AudienceIs(audience, exchange.PartnerId!)) errors.Add(new("audience", $"should be the partner's URL, ending in /accounts/{exchange.PartnerId}", "pattern"));
                if (errors.Count > 0) return ErrorBodies.Error(400, "INVALID_REQUEST", "The token request is invalid", errors);
                // The merchant token carries the partner's scopes (the module's reading; see EmulatorOptions.ExchangedTokensWithoutCheckout).
                var scopes = options.ExchangedTokensWithoutCheckout ? exchange.Scopes.Where(scope => !Scopes.IsOf(scope, Scopes.Checkout)).ToArray() : exchange.Scopes;
                var (merchantToken, merchantExpiresIn) = tokens.Issue(exchange.ClientId, aid, audience!, scopes, TokenKind.Merchant, exchange.PartnerId);
                return Results.Json(new { access_token = merchantToken, token_type = "Bearer", expires_in = merchantExpiresIn });
            }

            var client = tokens.AuthenticateClient(authorization);
            if (client == null) return ErrorBodies.Unauthorized("Invalid client credentials");
            if (client.AccountId != aid) return ErrorBodies.Error(403, "FORBIDDEN", $"The client {client.ClientId} does not belong to account {aid}.");
            if (!AudienceIs(audience, aid)) errors.Add(new("audience", $"should be the account's URL, ending in /accounts/{aid}", "pattern"));
            if (errors.Count > 0) return ErrorBodies.Error(400, "INVALID_REQUEST", "The token request is invalid", errors);
            IReadOnlyList<string> granted = EmulatorOptions.ConfiguredClientScopes;
            if (client.Created != null)
            {
                // "The audience must be a grant associated with the client" (Dintero's Get Token): a client made through
                // the API gets a token only for an audience it has a client_credentials grant for, with that grant's scopes.
                granted = GrantedScopes(store.Get(aid), client.Created.Uuid, audience!);
                if (granted.Count == 0) return ErrorBodies.Error(403, "FORBIDDEN", $"The client {client.ClientId} has no client_credentials grant for the audience {audience}.");
            }
            var (token, expiresIn) = tokens.Issue(client.ClientId, aid, audience!, granted);
            return Results.Json(new { access_token = token, token_type = "Bearer", expires_in = expiresIn });
        });

        api.MapPost("/accounts/{pid}/auth/exchange_token", async (HttpContext context, string pid, TokenIssuer tokens, AccountStore store) =>
        {
            if (Guard.Malformed(pid) is { } malformed) return malformed;
            if (!Guard.IsPartner(pid))
            {
                return ErrorBodies.Error(400, "INVALID_REQUEST", "partner_id should match pattern ^[PT]{1}\\d{3}00000$", new[] { new FieldError("partner_id", "should match pattern ^[PT]{1}\\d{3}00000$", "pattern") });
            }
            var (partner, refusal) = tokens.Bearer(Guard.Authorization(context));
            if (refusal != null) return refusal.ToResult();
            if (partner!.Kind != TokenKind.Client || partner.AccountId != pid) return ErrorBodies.Error(403, "FORBIDDEN", $"Only partner {pid}'s own token may exchange tokens.");
            var body = await ReadAsync(context);
            var merchant = body?["account_id"]?.GetValue<string>();
            if (merchant == null || Guard.Malformed(merchant) != null)
            {
                return ErrorBodies.Error(400, "INVALID_REQUEST", "The request is invalid", new[] { new FieldError("account_id", "should match pattern ^[PT]{1}\\d{8}$", "pattern") });
            }
            if (!store.IsMerchantOf(pid, merchant)) return ErrorBodies.Error(403, "FORBIDDEN", $"The account {merchant} is not a sub-account of partner {pid}.");
            var (token, expiresIn) = tokens.Issue(partner.ClientId, merchant, $"{context.Request.Scheme}://{context.Request.Host}/v1/accounts/{pid}", partner.Scopes, TokenKind.Exchange, pid);
            return Results.Json(new { access_token = token, token_type = "Bearer", expires_in = expiresIn });
        });
    }

    private static IReadOnlyList<string> GrantedScopes(AccountStore.Account account, string clientUuid, string audience)
    {
        lock (account.Gate)
        {
            return account.Grants
                .Where(grant => grant["client_id"]?.GetValue<string>() == clientUuid && grant["type"]?.GetValue<string>() == "client_credentials"
                    && string.Equals(grant["audience"]?.GetValue<string>()?.TrimEnd('/'), audience.TrimEnd('/'), StringComparison.Ordinal))
                .SelectMany(grant => (grant["scope"] as JsonArray ?? new JsonArray()).Select(scope => scope!.GetValue<string>()))
                .Distinct(StringComparer.Ordinal).ToList();
        }
    }

    private static bool AudienceIs(string? audience, string accountId) =>
        audience != null && audience.TrimEnd('/').EndsWith("/accounts/" + accountId, StringComparison.Ordinal);

    private static async Task<JsonNode?> ReadAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
