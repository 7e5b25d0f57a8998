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

        public static readonly IReadOnlyList<string> BamboraPaymentOptionTypes =
            new[] { "bambora.creditcard", "bambora.mobilepay", "bambora.vipps" };

        public static readonly IReadOnlyList<string> PaymentOptionTypes = new[]
        {
            "dintero.zero", "swish.swish", "payex.creditcard", "collector.invoice", "collector.installment",
            "instabank.finance", "instabank.invoice", "instabank.postponement", "instabank.installment", "vipps",
            "bambora.creditcard", "bambora.mobilepay", "bambora.vipps",
        };
    }
}
