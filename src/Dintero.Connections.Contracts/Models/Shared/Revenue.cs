using System.Collections.Generic;

namespace Dintero.Connections.Models
{
    /// <summary>The merchant's expected revenue. The amounts are Dintero's free-text buckets.</summary>
    public sealed class Revenue : DinteroModel
    {
        public string? currency { get; set; }
        public string? yearly_revenue { get; set; }
        public string? highest_transaction_amount { get; set; }
        public string? average_amount { get; set; }
        public bool? accept_prepaid { get; set; }
        public bool? subscriptions_or_memberships { get; set; }
        public bool? gift_cards { get; set; }
        public List<PaymentTypeShare>? estimated_percentage_per_payment_type { get; set; }
    }

    /// <summary>The share (0 to 100) of payments expected for one payment type.</summary>
    public sealed class PaymentTypeShare : DinteroModel
    {
        public decimal? percentage { get; set; }
        public string? type { get; set; }
    }
}
