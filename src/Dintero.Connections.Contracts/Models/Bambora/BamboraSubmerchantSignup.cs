using System;
using System.Collections.Generic;

namespace Dintero.Connections.Models
{
    /// <summary>A submerchant signup, unique per case id and store id.</summary>
    public sealed class BamboraSubmerchantSignup : DinteroModel
    {
        public string? case_id { get; set; }
        public List<PaymentOption>? payment_options { get; set; }
        public DateTimeOffset? created_at { get; set; }
        public string? merchant_number { get; set; }
        public DinteroSecret? md5_key { get; set; }

        /// <summary>A merchant category code; Dintero sends a number here.</summary>
        public long? mcc { get; set; }
        public DateTimeOffset? callback_at { get; set; }
    }
}
