using System.Collections.Generic;

namespace Dintero.Connections.Models
{
    /// <summary>
    /// A seller approval: a platform's application for a seller that split payments pay out to
    /// (<c>POST .../management/settings/approvals/payout-destinations</c>). Required: <c>payout_destination_id</c> (at most 40),
    /// <c>payout_reference</c> (at most 60) and one bank account; <c>country_code</c> and <c>organization_number</c> for a
    /// company (type left out or company). In test mode (a T account), <c>payout_destination_description</c> AUTO_APPROVE,
    /// AUTO_DECLINE or AUTO_WAITING_FOR_SIGNATURE makes the case ACTIVE, DECLINED or WAITING_FOR_SIGNATURE.
    /// </summary>
    public sealed class PayoutDestinationSignup : DinteroModel
    {
        /// <summary>The seller's id in split payments once approved; at most 40 characters.</summary>
        public string? payout_destination_id { get; set; }
        public string? payout_destination_name { get; set; }

        /// <summary>At most 1000 characters; in test mode AUTO_APPROVE, AUTO_DECLINE or AUTO_WAITING_FOR_SIGNATURE.</summary>
        public string? payout_destination_description { get; set; }

        /// <summary>What the payouts are marked with; at most 60 characters.</summary>
        public string? payout_reference { get; set; }

        /// <summary>en or no: the language of the e-mails, the form and the signing.</summary>
        public string? language { get; set; }

        /// <summary>company (the default) or individual.</summary>
        public string? type { get; set; }
        public string? country_code { get; set; }
        public string? organization_number { get; set; }
        public SellerIndividual? individual { get; set; }

        /// <summary>Exactly one.</summary>
        public List<ApprovalBankAccount>? bank_accounts { get; set; }

        /// <summary>daily, weekly or monthly.</summary>
        public string? payout_interval_type { get; set; }
        public FormSubmitter? form_submitter { get; set; }
        public SettlementReportConfiguration? settlement_report_configuration { get; set; }
        public PayoutReportConfiguration? report_configuration { get; set; }
    }
}
