using System.Text.RegularExpressions;
using Dintero.Emulator.Auth;

namespace Dintero.Emulator.Endpoints;

/// <summary>What every account route checks first: the account id's shape, then the bearer token.</summary>
internal static partial class Guard
{
    [GeneratedRegex(@"^[PT]\d{8}$")]
    private static partial Regex AccountIdPattern();

    public static IResult? Check(HttpContext context, string aid, TokenIssuer tokens)
    {
        if (!AccountIdPattern().IsMatch(aid))
        {
            return ErrorBodies.Error(400, "INVALID_ACCOUNT_ID", $"aid should match pattern ^[PT]\\d{{8}}$", new[] { new FieldError("aid", "should match pattern ^[PT]\\d{8}$", "pattern") });
        }
        var refusal = tokens.Refusal(context.Request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null, aid);
        return refusal == null ? null : ErrorBodies.Unauthorized(refusal);
    }
}
