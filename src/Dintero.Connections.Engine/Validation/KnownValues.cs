using System.Collections.Generic;
using System.Linq;

namespace Dintero.Connections.Validation
{
    /// <summary>
    /// The values Dintero documents. Closed lists are enforced before sending; open lists (payment option types)
    /// only feed tab completion, because Dintero adds types and a new one must not be refused by an old client.
    /// </summary>
    public static class KnownValues
    {
        public static readonly IReadOnlyList<string> StoreTypes = new[] { "online", "instore", "remote" };

        public static readonly IReadOnlyList<string> OwnershipStructures =
            new[] { "owners_with_more_than_25", "no_owners_with_more_than_25", "complex" };

        public static readonly IReadOnlyList<string> AccountNumberTypes = new[] { "iban", "mod11" };

        public static readonly IReadOnlyList<string> Industries = new[]
        {
            "goods", "services", "subscriptions_or_memberships", "charity", "travel_and_entertainment", "other",
        };

        public const string Pending = "pending";
        public const string Enabled = "enabled";
        public const string Failed = "failed";
        public const string Declined = "declined";

        /// <summary>
        /// A connection's statuses, the one list of them (<c>status</c> is kept as text, so a new one is not lost), in the
        /// order a progress bar counts them: what a signup aims for first.
        /// </summary>
        public static readonly IReadOnlyList<string> ConnectionStatuses = new[] { Enabled, Pending, Failed, Declined };

        /// <summary>The statuses a connection does not leave by itself: every one but pending; what Wait-DinteroConnection waits for.</summary>
        public static readonly IReadOnlyList<string> FinalConnectionStatuses = ConnectionStatuses.Where(status => status != Pending).ToArray();

        /// <summary>The statuses that make a second signup of the kind wrong: a failed or declined connection may be signed up again.</summary>
        public static readonly IReadOnlyList<string> BlockingStatuses = new[] { Pending, Enabled };

        /// <summary>Whether <paramref name="status"/> is final (<see cref="FinalConnectionStatuses"/>).</summary>
        public static bool IsFinal(string? status) => status != null && FinalConnectionStatuses.Contains(status);

        // Each provider's payment option types: closed lists in Dintero's schema (D21; Bambora also 2026). Only the
        // Common signup's list is open (2026 added dintero.zero), so it is not enforced.
        public static readonly IReadOnlyList<string> BamboraPaymentOptionTypes =
            new[] { "bambora.creditcard", "bambora.mobilepay", "bambora.vipps" };

        public static readonly IReadOnlyList<string> CollectorPaymentOptionTypes = new[] { "collector.invoice", "collector.installment" };

        public static readonly IReadOnlyList<string> InstabankPaymentOptionTypes = new[] { "instabank.invoice", "instabank.finance" };

        public static readonly IReadOnlyList<string> PayExPaymentOptionTypes = new[] { "payex.creditcard" };

        public static readonly IReadOnlyList<string> SwishPaymentOptionTypes = new[] { "swish.swish" };
    }
}
