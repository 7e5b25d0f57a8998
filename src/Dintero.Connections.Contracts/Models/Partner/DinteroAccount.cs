namespace Dintero.Connections.Models
{
    /// <summary>
    /// One of a partner's merchants (<c>GET /accounts/{partner}/management/accounts</c>): the merchant's Account, with
    /// what only the partner sees. Pipes by property name (<c>account_id</c>) into every cmdlet that takes -AccountId.
    /// </summary>
    public sealed class DinteroAccount : Account
    {
        /// <summary>The status the partner gave the account; not visible to the merchant.</summary>
        public string? progression { get; set; }

        /// <summary>The reseller id the partner gave the account; not visible to the merchant.</summary>
        public string? reseller_id { get; set; }

        /// <summary>The company's name, for the views and for Select-Object; <c>company.business_name</c> as Dintero gives it.</summary>
        [LocalField]
        public string? business_name => company?.business_name;

        /// <summary>The partner's own key for the merchant, from its invitation: <c>applicant.signup_reference</c>.</summary>
        [LocalField]
        public string? signup_reference => applicant?.signup_reference;
    }
}
