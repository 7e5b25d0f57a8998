using System.Text.RegularExpressions;
using Dintero.Emulator.Auth;

namespace Dintero.Emulator.Endpoints;

/// <summary>
/// What every account route checks first: the account id's shape, then that the bearer token may call it, with a scope
/// of the route's area that serves its method (a GET reads; anything else writes).
/// </summary>
internal static partial class Guard
{
    [GeneratedRegex(@"^[PT]\d{8}$")]
    private static partial Regex AccountIdPattern();

    [GeneratedRegex(@"^[PT]\d{3}00000$")]
    private static partial Regex PartnerIdPattern();

    public static bool IsPartner(string accountId) => PartnerIdPattern().IsMatch(accountId);

    /// <summary>
    /// An account's own API: a client's token for it, or its merchant token from a partner's exchange. With
    /// <paramref name="path"/>, that path's own write scope serves a write too (<see cref="Scopes.Allows"/>).
    /// </summary>
    public static IResult? Check(HttpContext context, string aid, TokenIssuer tokens, string area = Scopes.Accounts, string? path = null)
    {
        if (Malformed(aid) is { } malformed) return malformed;
        return tokens.RefusalFor(Authorization(context), aid, area, Writes(context), path)?.ToResult();
    }

    /// <summary>
    /// The checkout API, which names no account in its paths: the account is the token's (a client's own, or a merchant
    /// token from a partner's exchange), and the token needs a checkout scope.
    /// </summary>
    public static (string? AccountId, IResult? Refused) CheckCheckout(HttpContext context, TokenIssuer tokens)
    {
        var (token, refusal) = tokens.Bearer(Authorization(context));
        if (refusal != null) return (null, refusal.ToResult());
        if (token!.Kind == TokenKind.Exchange) return (null, ErrorBodies.Error(403, "FORBIDDEN", "An exchange token only buys the merchant's token; it does not call the API."));
        var scope = TokenIssuer.ScopeRefusal(token, Scopes.Checkout, Writes(context));
        return scope != null ? (null, scope.ToResult()) : (token.AccountId, null);
    }

    private static bool Writes(HttpContext context) => !HttpMethods.IsGet(context.Request.Method);

    /// <summary>A partner's own routes (its merchants, its invitations): the partner's own client token.</summary>
    public static IResult? CheckPartner(HttpContext context, string pid, TokenIssuer tokens)
    {
        if (Malformed(pid) is { } malformed) return malformed;
        if (!IsPartner(pid)) return ErrorBodies.Error(403, "FORBIDDEN", $"{pid} is not a partner account.");
        var (token, refusal) = tokens.Bearer(Authorization(context));
        if (refusal != null) return refusal.ToResult();
        if (token!.Kind != TokenKind.Client || token.AccountId != pid) return ErrorBodies.Error(403, "FORBIDDEN", $"Only partner {pid}'s own token may do this.");
        return TokenIssuer.ScopeRefusal(token, Scopes.Accounts, Writes(context))?.ToResult();
    }

    public static IResult? Malformed(string aid) =>
        AccountIdPattern().IsMatch(aid)
            ? null
            : ErrorBodies.Error(400, "INVALID_ACCOUNT_ID", "aid should match pattern ^[PT]\\d{8}$", new[] { new FieldError("aid", "should match pattern ^[PT]\\d{8}$", "pattern") });

    public static string? Authorization(HttpContext context) => context.Request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null;
}
