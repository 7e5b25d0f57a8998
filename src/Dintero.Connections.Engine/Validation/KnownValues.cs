using System.Collections.Generic;

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

        public static readonly IReadOnlyList<string> ConnectionStatuses = new[] { "pending", "enabled", "failed", "declined" };

        /// <summary>The statuses a connection does not leave by itself: every one but pending.</summary>
        public static readonly IReadOnlyList<string> FinalConnectionStatuses = new[] { "enabled", "failed", "declined" };

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
