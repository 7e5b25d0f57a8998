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
/// that merchant's token; nothing else reaches an account. Every token carries scopes (<see cref="Scopes"/>): a configured
/// client's are <see cref="EmulatorOptions.ConfiguredClientScopes"/>, a client made through the API has its grants', and a
/// merchant token from the exchange has the partner's (less the checkout scopes with
/// <see cref="EmulatorOptions.ExchangedTokensWithoutCheckout"/>).
/// </summary>
public sealed class TokenIssuer
{
    private readonly EmulatorOptions options;
    private readonly State.AccountStore store;
    private readonly byte[] signingKey = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, IssuedEntry> issued = new(StringComparer.Ordinal);

    /// <summary>Each client's tokens (a partner's client's exchange and merchant tokens among them), so that revoking one client's costs only its own.</summary>
    private readonly ConcurrentDictionary<string, ConcurrentQueue<IssuedEntry>> issuedByClient = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> revokedClients = new(StringComparer.Ordinal);

    // Revocation: RevokeAll revokes every token issued up to a number at once (revokedThrough); RevokeClient marks its
    // client's tokens one by one. Counted under the lock, so that each revocation answers how many tokens it revoked.
    private readonly object revoking = new();
    private long issuedCount;
    private long revokedThrough;
    private long revokedOneByOneSinceAll;

    public TokenIssuer(EmulatorOptions options, State.AccountStore store)
    {
        this.options = options;
        this.store = store;
    }

    /// <param name="AccountId">The account the token is for.</param>
    /// <param name="ClientId">The API client it was issued to, in the end (a partner's client for exchange and merchant tokens).</param>
    /// <param name="PartnerId">For exchange and merchant tokens: the partner whose client asked.</param>
    /// <param name="Scopes">What the token may do.</param>
    public sealed record IssuedToken(string AccountId, string ClientId, TokenKind Kind, string? PartnerId, DateTimeOffset ExpiresAt, IReadOnlyList<string> Scopes);

    /// <summary>Who presented Basic credentials: a configured client, or one made through the API (with its account and id).</summary>
    public sealed record AuthenticatedClient(string ClientId, string AccountId, State.AccountStore.CreatedClient? Created);

    /// <summary>A token issued: what it is for, the order it was issued in (from 1), and whether it was revoked by itself.</summary>
    private sealed class IssuedEntry
    {
        private volatile bool revoked;

        public IssuedEntry(IssuedToken token, long number)
        {
            Token = token;
            Number = number;
        }

        public IssuedToken Token { get; }

        public long Number { get; }

        public bool Revoked
        {
            get => revoked;
            set => revoked = value;
        }
    }

    /// <summary>Every token ever issued, revoked or not; tests scan their output for these.</summary>
    public IReadOnlyCollection<string> Issued => issued.Keys.ToArray();

    /// <summary>Checks Basic credentials: the client, or null (a 401).</summary>
    public AuthenticatedClient? AuthenticateClient(string? authorization)
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
        if (revokedClients.ContainsKey(id)) return null;
        if (options.Clients.TryGetValue(id, out var client))
        {
            return SameSecret(client.Secret, secret) ? new AuthenticatedClient(id, client.AccountId, null) : null;
        }
        var created = store.FindCreatedClient(id);
        return created != null && SameSecret(created.Secret, secret) ? new AuthenticatedClient(id, created.AccountId, created) : null;
    }

    private static bool SameSecret(string known, string given) => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(known), Encoding.UTF8.GetBytes(given));

    public (string Token, int ExpiresIn) Issue(string clientId, string accountId, string audience, IReadOnlyList<string> scopes, TokenKind kind = TokenKind.Client, string? partnerId = null)
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
            ["scope"] = string.Join(" ", scopes),
        };
        if (partnerId != null) claims["partner"] = partnerId;
        var payload = Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString(EmulatorJson.Options)));
        var signature = Base64Url(HMACSHA256.HashData(signingKey, Encoding.ASCII.GetBytes(header + "." + payload)));
        var token = $"{header}.{payload}.{signature}";
        var entry = new IssuedEntry(new IssuedToken(accountId, clientId, kind, partnerId, now.AddSeconds(lifetime), scopes.ToArray()), Interlocked.Increment(ref issuedCount));
        issued[token] = entry;
        issuedByClient.GetOrAdd(clientId, _ => new ConcurrentQueue<IssuedEntry>()).Enqueue(entry);
        return (token, lifetime);
    }

    /// <summary>The bearer token of a request, if it is one the emulator issued and it is still good; else why not (401).</summary>
    public (IssuedToken? Token, Refusal? Refusal) Bearer(string? authorization)
    {
        if (authorization == null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return (null, new Refusal(401, "UNAUTHORIZED", "A bearer token is required."));
        var token = authorization[7..].Trim();
        if (!issued.TryGetValue(token, out var entry)) return (null, new Refusal(401, "UNAUTHORIZED", "The token is not valid."));
        if (IsRevoked(entry)) return (null, new Refusal(401, "UNAUTHORIZED", "The token has been revoked."));
        if (options.Clock.GetUtcNow() >= entry.Token.ExpiresAt) return (null, new Refusal(401, "UNAUTHORIZED", "The token has expired."));
        return (entry.Token, null);
    }

    /// <summary>
    /// Why a bearer token may not call the account's own API in <paramref name="area"/>, or null when it may: a client's or
    /// merchant's token for that very account, with a scope that serves (<see cref="Scopes.Allows"/>).
    /// </summary>
    /// <param name="path">A path whose own write scope serves too (<see cref="Scopes.Allows"/>).</param>
    public Refusal? RefusalFor(string? authorization, string accountId, string area = Scopes.Accounts, bool write = false, string? path = null)
    {
        var (token, refusal) = Bearer(authorization);
        if (refusal != null) return refusal;
        if (token!.Kind == TokenKind.Exchange) return new Refusal(403, "FORBIDDEN", "An exchange token only buys the merchant's token (POST /accounts/{aid}/auth/token); it does not call the API.");
        if (token.AccountId != accountId) return new Refusal(403, "FORBIDDEN", $"The token is for account {token.AccountId}, not {accountId}.");
        return ScopeRefusal(token, area, write, path);
    }

    /// <summary>Null when the token's scopes serve the call, else Dintero's 403.</summary>
    public static Refusal? ScopeRefusal(IssuedToken token, string area, bool write, string? path = null) =>
        Scopes.Allows(token.Scopes, area, write, path) ? null : new Refusal(403, "FORBIDDEN", $"Missing scope: the token needs {Scopes.Wanted(area, write, path)}.");

    public string? ClientOf(string? authorization) =>
        authorization != null && authorization.Length > 7 && issued.TryGetValue(authorization[7..].Trim(), out var entry) ? entry.Token.ClientId : null;

    private bool IsRevoked(IssuedEntry entry) => entry.Revoked || entry.Number <= Volatile.Read(ref revokedThrough);

    /// <summary>Makes every token issued so far unusable, as when Dintero revokes them; the clients' credentials still work. Returns how many it revoked.</summary>
    public int RevokeAll()
    {
        lock (revoking)
        {
            var through = Interlocked.Read(ref issuedCount);
            // Those issued since the last RevokeAll, less those revoked one by one in the meantime.
            var count = through - revokedThrough - revokedOneByOneSinceAll;
            Volatile.Write(ref revokedThrough, through);
            revokedOneByOneSinceAll = 0;
            return (int)count;
        }
    }

    /// <summary>
    /// Refuses a client's credentials from now on, and revokes every token issued through it, as a deleted client; returns how
    /// many it revoked. Costs the client's own tokens, not all.
    /// </summary>
    public int RevokeClient(string clientId)
    {
        revokedClients[clientId] = true;
        if (!issuedByClient.TryGetValue(clientId, out var tokens)) return 0;
        var count = 0;
        lock (revoking)
        {
            foreach (var entry in tokens)
            {
                if (entry.Revoked || entry.Number <= revokedThrough) continue;
                entry.Revoked = true;
                revokedOneByOneSinceAll++;
                count++;
            }
        }
        return count;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
