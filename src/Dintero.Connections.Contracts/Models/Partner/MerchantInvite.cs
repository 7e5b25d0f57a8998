namespace Dintero.Connections.Models
{
    /// <summary>
    /// A prefilled signup for a new merchant (<c>POST /accounts/{partner}/signup/prefill</c>): Dintero e-mails the
    /// applicant a link to review it, accept Dintero's terms and create the account. What is sent, and what comes back
    /// with its <c>prefill_id</c>.
    /// </summary>
    public sealed class MerchantInvite : DinteroModel
    {
        /// <summary>Given by Dintero when the invitation is created.</summary>
        public string? prefill_id { get; set; }

        /// <summary>Who is invited: <c>email</c> is required; <c>signup_reference</c> is the partner's key for the merchant.</summary>
        public AccountApplicant? applicant { get; set; }

        /// <summary>The merchant's company: <c>business_name</c> and <c>address</c> are required.</summary>
        public AccountCompany? company { get; set; }

        /// <summary>Who the invoices go to; when not given, the company's name, organization number, address and e-mail.</summary>
        public AccountBilling? billing { get; set; }

        /// <summary>The partner's account manager for the merchant, as Dintero takes it.</summary>
        public System.Collections.Generic.Dictionary<string, object?>? account_manager { get; set; }

        /// <summary>The partner the invitation was sent from; from the request URL, not Dintero's answer.</summary>
        [LocalField]
        public string? partner_id { get; set; }

        /// <summary>For views and Select-Object: <c>applicant.email</c>.</summary>
        [LocalField]
        public string? email => applicant?.email;

        /// <summary>For views and Select-Object: <c>company.business_name</c>.</summary>
        [LocalField]
        public string? business_name => company?.business_name;

        /// <summary>For views and Select-Object: <c>applicant.signup_reference</c>.</summary>
        [LocalField]
        public string? signup_reference => applicant?.signup_reference;
    }
}
