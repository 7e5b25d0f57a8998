using System.Collections.Generic;

namespace Dintero.Connections.Models
{
    /// <summary>
    /// An application for payments (<c>POST .../management/settings/approvals/payments</c>): the products and payment
    /// methods applied for, the company, and the bank account payouts go to. UNCERTAIN: Dintero documents no required list;
    /// the module requires what its generated example holds (products, payment_methods, country_code, organization_number,
    /// bank_accounts), see docs/openapi/dintero-approvals.yaml.
    /// </summary>
    public sealed class PaymentApprovalSignup : DinteroModel
    {
        public List<ApprovalProduct>? products { get; set; }
        public List<ApprovalPaymentMethod>? payment_methods { get; set; }

        /// <summary>ISO 3166-1 alpha-2, e.g. NO.</summary>
        public string? country_code { get; set; }
        public string? organization_number { get; set; }
        public List<ApprovalBankAccount>? bank_accounts { get; set; }

        /// <summary>UNCERTAIN: seen in Dintero's answer; whether the request takes it is not documented.</summary>
        public FormSubmitter? form_submitter { get; set; }
    }
}
