using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Dintero.Emulator.Auth;

/// <summary>What a token is for: a client's own account, a partner's exchange for a merchant, or that merchant's token.</summary>
public enum TokenKind
{
    Client,
    Exchange,
    Merchant,
}

/// <summary>A refused token or request: the HTTP status and Dintero's message.</summary>
public sealed record Refusal(int Status, string Code, string Message)
{
    public IResult ToResult() => ErrorBodies.Error(Status, Code, Message);
}

/// <summary>
/// Issues JWT-shaped tokens and checks them on every call, as Dintero authorizes: a client belongs to one account and
/// its token is for that account only; a partner's token buys exchange tokens for its own merchants, each of which buys
/// that merchant's token; nothing else reaches an account.
/// </summary>
public sealed class TokenIssuer
{
    private readonly EmulatorOptions options;
    private readonly byte[] signingKey = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, IssuedToken> issued = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> revoked = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> revokedClients = new(StringComparer.Ordinal);

    public TokenIssuer(EmulatorOptions options) => this.options = options;

    /// <param name="AccountId">The account the token is for.</param>
    /// <param name="ClientId">The API client it was issued to, in the end (a partner's client for exchange and merchant tokens).</param>
    /// <param name="PartnerId">For exchange and merchant tokens: the partner whose client asked.</param>
    public sealed record IssuedToken(string AccountId, string ClientId, TokenKind Kind, string? PartnerId, DateTimeOffset ExpiresAt);

    /// <summary>Every token ever issued, revoked or not; tests scan their output for these.</summary>
    public IReadOnlyCollection<string> Issued => issued.Keys.ToArray();

    /// <summary>Checks Basic credentials: the client, or a refusal (401).</summary>
    public (ApiClient? Client, string? ClientId) AuthenticateClient(string? authorization)
    {
        if (authorization == null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return (null, null);
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
        }
        catch (FormatException)
        {
            return (null, null);
        }
        var colon = decoded.IndexOf(':');
        if (colon < 0) return (null, null);
        var (id, secret) = (decoded[..colon], decoded[(colon + 1)..]);
        var known = options.Clients.TryGetValue(id, out var client)
            && !revokedClients.ContainsKey(id)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(client.Secret), Encoding.UTF8.GetBytes(secret));
        return known ? (client, id) : (null, null);
    }

    public (string Token, int ExpiresIn) Issue(string clientId, string accountId, string audience, TokenKind kind = TokenKind.Client, string? partnerId = null)
    {
        var now = options.Clock.GetUtcNow();
        var lifetime = (int)options.TokenLifetime.TotalSeconds;
        var header = Base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8.ToArray());
        var claims = new JsonObject
        {
            ["iss"] = "dintero-emulator",
            ["sub"] = clientId,
            ["aud"] = audience,
            ["aid"] = accountId,
            ["kind"] = kind.ToString().ToLowerInvariant(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.ToUnixTimeSeconds() + lifetime,
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        if (partnerId != null) claims["partner"] = partnerId;
        var payload = Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString(EmulatorJson.Options)));
        var signature = Base64Url(HMACSHA256.HashData(signingKey, Encoding.ASCII.GetBytes(header + "." + payload)));
        var token = $"{header}.{payload}.{signature}";
        issued[token] = new IssuedToken(accountId, clientId, kind, partnerId, now.AddSeconds(lifetime));
        return (token, lifetime);
    }

    /// <summary>The bearer token of a request, if it is one the emulator issued and it is still good; else why not (401).</summary>
    public (IssuedToken? Token, Refusal? Refusal) Bearer(string? authorization)
    {
        if (authorization == null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return (null, new Refusal(401, "UNAUTHORIZED", "A bearer token is required."));
        var token = authorization[7..].Trim();
        if (!issued.TryGetValue(token, out var known)) return (null, new Refusal(401, "UNAUTHORIZED", "The token is not valid."));
        if (revoked.ContainsKey(token)) return (null, new Refusal(401, "UNAUTHORIZED", "The token has been revoked."));
        if (options.Clock.GetUtcNow() >= known.ExpiresAt) return (null, new Refusal(401, "UNAUTHORIZED", "The token has expired."));
        return (known, null);
    }

    /// <summary>Why a bearer token may not call the account's own API, or null when it may: a client's or merchant's token for that very account.</summary>
    public Refusal? RefusalFor(string? authorization, string accountId)
    {
        var (token, refusal) = Bearer(authorization);
        if (refusal != null) return refusal;
        if (token!.Kind == TokenKind.Exchange) return new Refusal(403, "FORBIDDEN", "An exchange token only buys the merchant's token (POST /accounts/{aid}/auth/token); it does not call the API.");
        if (token.AccountId != accountId) return new Refusal(403, "FORBIDDEN", $"The token is for account {token.AccountId}, not {accountId}.");
        return null;
    }

    public string? ClientOf(string? authorization) =>
        authorization != null && authorization.Length > 7 && issued.TryGetValue(authorization[7..].Trim(), out var known) ? known.ClientId : null;

    /// <summary>Makes every token issued so far unusable, as when Dintero revokes them; the clients' credentials still work.</summary>
    public int RevokeAll()
    {
        var count = 0;
        foreach (var token in issued.Keys)
        {
            if (revoked.TryAdd(token, true)) count++;
        }
        return count;
    }

    /// <summary>Refuses a client's credentials from now on, and revokes every token issued through it, as a deleted client.</summary>
    public int RevokeClient(string clientId)
    {
        revokedClients[clientId] = true;
        var count = 0;
        foreach (var (token, known) in issued)
        {
            if (known.ClientId == clientId && revoked.TryAdd(token, true)) count++;
        }
        return count;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
