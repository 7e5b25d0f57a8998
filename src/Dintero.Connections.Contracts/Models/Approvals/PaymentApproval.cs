using System;
using System.Collections.Generic;
using System.Linq;

namespace Dintero.Connections.Models
{
    /// <summary>
    /// A payment approval: Dintero's KYC case for an account's application for payments, its <c>case_status</c>
    /// (ACTIVE is the goal) and its links (<see cref="contract_url"/>: the form the signatory completes and signs).
    /// </summary>
    public sealed class PaymentApproval : DinteroModel, IApprovalCase
    {
        public string? id { get; set; }
        public List<ApprovalProduct>? products { get; set; }
        public List<ApprovalPaymentMethod>? payment_methods { get; set; }
        public string? country_code { get; set; }
        public string? organization_number { get; set; }
        public List<ApprovalBankAccount>? bank_accounts { get; set; }
        public FormSubmitter? form_submitter { get; set; }

        /// <summary>ACTIVE, DECLINED, UNDER_MANUAL_REVIEW, AUTOMATIC_REVIEW, WAITING_FOR_SIGNATURE, WAITING_FOR_DECLARATION, ERROR, ARCHIVED, WAITING_FOR_DETAILS, TERMINATED.</summary>
        public string? case_status { get; set; }
        public List<ApprovalLink>? links { get; set; }

        /// <summary>The merchant category code Dintero gave the case.</summary>
        public int? mcc { get; set; }
        public DateTimeOffset? created_at { get; set; }
        public string? created_by { get; set; }
        public DateTimeOffset? updated_at { get; set; }
        public string? deleted_by { get; set; }
        public DateTimeOffset? deleted_at { get; set; }

        /// <summary>The account the approval is for (in the request's URL).</summary>
        [LocalField]
        public string? account_id { get; set; }

        /// <summary>The form to complete and sign (the link whose rel is contract_url), as its URL.</summary>
        [LocalField]
        public string? contract_url => links?.FirstOrDefault(link => link.rel == "contract_url")?.href;

        /// <summary>The payment methods applied for, joined with ', ', for the views.</summary>
        [LocalField]
        public string? methods => payment_methods == null ? null : string.Join(", ", payment_methods.Select(method => method.payment_method));
    }
}
