using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Dintero.Emulator.Auth;

/// <summary>Issues JWT-shaped tokens to configured clients and checks them on every API call.</summary>
public sealed class TokenIssuer
{
    private readonly EmulatorOptions options;
    private readonly byte[] signingKey = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, IssuedToken> issued = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> revoked = new(StringComparer.Ordinal);

    public TokenIssuer(EmulatorOptions options) => this.options = options;

    public sealed record IssuedToken(string AccountId, string ClientId, DateTimeOffset ExpiresAt);

    /// <summary>Every token ever issued, revoked or not; tests scan their output for these.</summary>
    public IReadOnlyCollection<string> Issued => issued.Keys.ToArray();

    /// <summary>Checks Basic credentials; null when they are not a configured client.</summary>
    public string? AuthenticateClient(string? authorization)
    {
        if (authorization == null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }
        var colon = decoded.IndexOf(':');
        if (colon < 0) return null;
        var (id, secret) = (decoded[..colon], decoded[(colon + 1)..]);
        return options.Clients.TryGetValue(id, out var expected)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(secret))
            ? id
            : null;
    }

    public (string Token, int ExpiresIn) Issue(string clientId, string accountId, string audience)
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
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.ToUnixTimeSeconds() + lifetime,
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        var payload = Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString(EmulatorJson.Options)));
        var signature = Base64Url(HMACSHA256.HashData(signingKey, Encoding.ASCII.GetBytes(header + "." + payload)));
        var token = $"{header}.{payload}.{signature}";
        issued[token] = new IssuedToken(accountId, clientId, now.AddSeconds(lifetime));
        return (token, lifetime);
    }

    /// <summary>Why a bearer token is refused for the account, or null when it is good.</summary>
    public string? Refusal(string? authorization, string accountId)
    {
        if (authorization == null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return "A bearer token is required.";
        var token = authorization[7..].Trim();
        if (!issued.TryGetValue(token, out var known)) return "The token is not valid.";
        if (revoked.ContainsKey(token)) return "The token has been revoked.";
        if (options.Clock.GetUtcNow() >= known.ExpiresAt) return "The token has expired.";
        if (known.AccountId != accountId) return $"The token was issued for another account, not {accountId}.";
        return null;
    }

    public string? ClientOf(string? authorization) =>
        authorization != null && authorization.Length > 7 && issued.TryGetValue(authorization[7..].Trim(), out var known) ? known.ClientId : null;

    /// <summary>Makes every token issued so far unusable, as a revoked client would.</summary>
    public int RevokeAll()
    {
        var count = 0;
        foreach (var token in issued.Keys)
        {
            if (revoked.TryAdd(token, true)) count++;
        }
        return count;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
