using System;
using System.Collections.Generic;
using System.Linq;

namespace Dintero.Connections.Clients
{
    /// <summary>
    /// Dintero's scopes (its scope table's names, written here only) and grant types: what a merchant's API client is
    /// given, which of them let it take payments, and what a refused call lacks (<see cref="Auth.ScopedApi"/>).
    /// </summary>
    public static class ClientScopes
    {
        /// <summary>
        /// The checkout admin scope, the default of New-DinteroApiClient. UNCERTAIN: Dintero's scope table
        /// (docs.dintero.com/docs/clients) spells it <c>admin:checkout</c>, like every other admin scope there
        /// (admin:accounts, admin:hooks, ...); its partner guide (docs/partners/manage-merchants-via-api) sends
        /// <c>checkout:admin</c>. The module sends the table's spelling; the emulator takes that one only.
        /// </summary>
        public const string CheckoutAdmin = "admin:checkout";

        /// <summary>Reads the checkout (the scope table's <c>read:checkout</c>).</summary>
        public const string CheckoutRead = "read:checkout";

        /// <summary>Creates payment sessions without the rest (the scope table's <c>write:checkout</c>).</summary>
        public const string CheckoutWrite = "write:checkout";

        /// <summary>The account's own API, all of it: settings, connections, merchants, API clients.</summary>
        public const string AccountsAdmin = "admin:accounts";

        /// <summary>Writes the account's own API (a connection's signup, a setting).</summary>
        public const string AccountsWrite = "write:accounts";

        /// <summary>Reads the account's own API.</summary>
        public const string AccountsRead = "read:accounts";

        /// <summary>Webhook subscriptions and their deliveries, all of it.</summary>
        public const string HooksAdmin = "admin:hooks";

        /// <summary>Writes webhook subscriptions.</summary>
        public const string HooksWrite = "write:hooks";

        /// <summary>Reads webhook subscriptions and their deliveries.</summary>
        public const string HooksRead = "read:hooks";

        /// <summary>A shop's API client authenticates with its own id and secret.</summary>
        public const string ClientCredentials = "client_credentials";

        /// <summary>Dintero's grant types (the Grant page: a password grant serves password token requests only; authorization_code needs OIDC).</summary>
        public static readonly IReadOnlyList<string> GrantTypes = new[] { ClientCredentials, "password", "authorization_code" };

        /// <summary>Scopes for tab completion: the scope table's checkout, accounts and hooks scopes. Open: others are sent as given.</summary>
        public static readonly IReadOnlyList<string> Known = new[] { CheckoutAdmin, CheckoutWrite, CheckoutRead, AccountsAdmin, AccountsWrite, AccountsRead, HooksAdmin, HooksWrite, HooksRead };

        /// <summary>Whether a grant lets its client take payments for the account: a client_credentials grant for the account's URL, with admin:checkout or write:checkout.</summary>
        public static bool TakesPayments(Models.ClientGrant grant, Uri accountUri) =>
            grant.type == ClientCredentials && grant.scope != null && grant.scope.Any(scope => scope == CheckoutAdmin || scope == CheckoutWrite) && ForAccount(grant, accountUri);

        /// <summary>
        /// Whether a grant is for the account: its audience is the account's URL, in any of the forms of one URL (a trailing
        /// '/', the host's case, a default port, the account id's case).
        /// </summary>
        public static bool ForAccount(Models.ClientGrant grant, Uri accountUri) =>
            grant.audience != null && Uri.TryCreate(grant.audience.Trim(), UriKind.Absolute, out var audience)
            && string.Equals(Normal(audience), Normal(accountUri), StringComparison.OrdinalIgnoreCase);

        private static string Normal(Uri uri) => uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped).TrimEnd('/');
    }
}
