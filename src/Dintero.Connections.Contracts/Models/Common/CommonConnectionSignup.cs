using System;
using System.Collections.Generic;

namespace Dintero.Connections.Models
{
    /// <summary>
    /// The Common signup (<c>POST .../connections/common</c>). Requires <c>payment_options</c> and <c>store_type</c>,
    /// and the account's company to have an <c>organization_number</c>.
    /// </summary>
    public sealed class CommonConnectionSignup : DinteroModel
    {
        public List<PaymentOption>? payment_options { get; set; }

        /// <summary><c>online</c>, <c>instore</c>, <c>remote</c>.</summary>
        public List<string>? store_type { get; set; }

        /// <summary>Set by Dintero.</summary>
        public DateTimeOffset? created_at { get; set; }

        /// <summary>Free text, e.g. <c>Checkout 195 NOK/month + 1.5%</c>.</summary>
        public string? package { get; set; }
        public Revenue? revenue { get; set; }
        public List<BankAccount>? bank_accounts { get; set; }
        public Ownership? ownership { get; set; }
        public Verifications? verifications { get; set; }
        public Signature? signature { get; set; }
        public Applicant? applicant { get; set; }
        public CompanyInformation? company_information { get; set; }
        public PaymentMethodSpecific? payment_method_specific { get; set; }
    }
}
