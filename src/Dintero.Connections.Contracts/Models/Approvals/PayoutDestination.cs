using System;
using System.Collections.Generic;
using System.Linq;

namespace Dintero.Connections.Models
{
    /// <summary>A seller approval (payout destination): the seller's application as sent, with Dintero's case_status and links.</summary>
    public sealed class PayoutDestination : DinteroModel, IApprovalCase
    {
        public string? id { get; set; }
        public string? payout_destination_id { get; set; }
        public string? payout_destination_name { get; set; }
        public string? payout_destination_description { get; set; }
        public string? payout_reference { get; set; }
        public string? language { get; set; }
        public string? type { get; set; }
        public string? country_code { get; set; }
        public string? organization_number { get; set; }
        public SellerIndividual? individual { get; set; }
        public List<ApprovalBankAccount>? bank_accounts { get; set; }
        public string? payout_interval_type { get; set; }
        public FormSubmitter? form_submitter { get; set; }
        public SettlementReportConfiguration? settlement_report_configuration { get; set; }
        public PayoutReportConfiguration? report_configuration { get; set; }

        /// <summary>The case's status, as a payment approval's.</summary>
        public string? case_status { get; set; }
        public List<ApprovalLink>? links { get; set; }
        public DateTimeOffset? created_at { get; set; }
        public string? created_by { get; set; }
        public DateTimeOffset? updated_at { get; set; }
        public string? deleted_by { get; set; }
        public DateTimeOffset? deleted_at { get; set; }

        /// <summary>The platform's account the seller is under (in the request's URL).</summary>
        [LocalField]
        public string? account_id { get; set; }

        /// <summary>The form to complete and sign (the link whose rel is contract_url), as its URL.</summary>
        [LocalField]
        public string? contract_url => links?.FirstOrDefault(link => link.rel == "contract_url")?.href;
    }
}
