using System;
using System.Collections.Generic;

namespace Dintero.Connections.Models
{
    /// <summary>A signup Bambora received directly for this account.</summary>
    public sealed class BamboraDirectSignup : DinteroModel
    {
        public string? case_id { get; set; }
        public string? merchant_number { get; set; }
        public DinteroSecret? md5_key { get; set; }
        public List<PaymentOption>? payment_options { get; set; }
        public string? signup_id { get; set; }
        public DateTimeOffset? created_at { get; set; }
        public DateTimeOffset? callback_at { get; set; }
    }
}
