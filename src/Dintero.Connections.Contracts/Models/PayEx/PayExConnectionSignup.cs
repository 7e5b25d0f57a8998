using System.Collections.Generic;

namespace Dintero.Connections.Models
{
    /// <summary>The PayEx signup (<c>POST .../connections/payex/payex.creditcard</c>): only the payment options are required.</summary>
    public sealed class PayExConnectionSignup : DinteroModel
    {
        public string? business_name { get; set; }
        public string? legal_name { get; set; }
        public string? organization_number { get; set; }
        public ContactPerson? applicant_contact { get; set; }
        public ContactPerson? accounting_contact { get; set; }
        public string? bank_name { get; set; }
        public string? account_number { get; set; }
        public string? website { get; set; }

        /// <summary><c>payex.creditcard</c>.</summary>
        public List<PaymentOption>? payment_options { get; set; }
    }
}
