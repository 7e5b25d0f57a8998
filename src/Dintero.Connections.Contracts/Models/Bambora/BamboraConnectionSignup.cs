using System;
using System.Collections.Generic;

namespace Dintero.Connections.Models
{
    /// <summary>
    /// The Bambora signup (<c>POST .../connections/bambora</c>). Requires <c>payment_options</c>, <c>revenue</c>,
    /// <c>bank_name</c> and <c>account_number</c>.
    /// </summary>
    public sealed class BamboraConnectionSignup : DinteroModel
    {
        /// <summary><c>bambora.creditcard</c>, <c>bambora.mobilepay</c>, <c>bambora.vipps</c>.</summary>
        public List<PaymentOption>? payment_options { get; set; }
        public Revenue? revenue { get; set; }
        public string? bank_name { get; set; }

        /// <summary>Personal data: never logged or printed.</summary>
        public string? account_number { get; set; }

        /// <summary>Set by Dintero.</summary>
        public DateTimeOffset? created_at { get; set; }
        public List<string>? store_type { get; set; }
        public Ownership? ownership { get; set; }
        public Verifications? verifications { get; set; }
        public Signature? signature { get; set; }
        public Applicant? applicant { get; set; }

        /// <summary>Set by Dintero when Bambora answers.</summary>
        public DateTimeOffset? callback_at { get; set; }
    }
}
