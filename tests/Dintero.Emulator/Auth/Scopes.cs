namespace Dintero.Emulator.Auth;

/// <summary>
/// Dintero's scopes as its scope table names them (docs.dintero.com/docs/clients): for each area an <c>admin:</c> scope
/// that does all, and <c>write:</c> and <c>read:</c> scopes below it. The emulator asks for the area's read scope on a GET
/// and its write scope on anything else; <c>admin:</c> serves both.
/// </summary>
public static class Scopes
{
    /// <summary>The account's own API: settings, connections, merchants, invitations, API clients and grants.</summary>
    public const string Accounts = "accounts";

    /// <summary>The checkout API (payment profiles).</summary>
    public const string Checkout = "checkout";

    /// <summary>Webhook subscriptions and their deliveries.</summary>
    public const string Hooks = "hooks";

    /// <summary>
    /// The approvals' own write scope, <c>write:accounts:/management/settings/approvals</c>: Dintero's scope table names
    /// scopes of an area narrowed to a path, and the approval POSTs list this one beside admin:accounts and write:accounts.
    /// </summary>
    public const string ApprovalsPath = "/management/settings/approvals";

    /// <param name="path">
    /// A path whose own write scope (<c>write:{area}:{path}</c>) also serves a write under it; it reads nothing, as
    /// Dintero's list GETs name admin and read scopes only.
    /// </param>
    public static bool Allows(IReadOnlyList<string> granted, string area, bool write, string? path = null) =>
        granted.Contains("admin:" + area) || granted.Contains((write ? "write:" : "read:") + area)
        // A write scope reads too.
        || (!write && granted.Contains("write:" + area))
        || (write && path != null && granted.Contains($"write:{area}:{path}"));

    /// <summary>What a refusal names: the scopes that would have served.</summary>
    public static string Wanted(string area, bool write, string? path = null) =>
        write
            ? path == null ? $"admin:{area} or write:{area}" : $"admin:{area}, write:{area} or write:{area}:{path}"
            : $"admin:{area}, write:{area} or read:{area}";

    /// <summary>The scopes of an area, for taking them off a token.</summary>
    public static bool IsOf(string scope, string area) => scope.EndsWith(":" + area, StringComparison.Ordinal);
}
