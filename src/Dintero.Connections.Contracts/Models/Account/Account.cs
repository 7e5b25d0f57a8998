using System;
using System.Collections.Generic;

namespace Dintero.Connections.Models
{
    /// <summary>
    /// Dintero's Account, what an account's settings (<see cref="AccountSettings"/>) and a partner's list of merchants
    /// (<see cref="DinteroAccount"/>) both answer with: the account, its applicant, company, billing and connections.
    /// </summary>
    public abstract class Account : DinteroModel
    {
        /// <summary>Dintero's identifier of the account object (a UUID); the account id is <see cref="account_id"/>.</summary>
        public string? id { get; set; }

        /// <summary>The account id, e.g. <c>T12345678</c>; binds to -AccountId when piped on.</summary>
        public string? account_id { get; set; }

        /// <summary>The partner the account belongs to, as Dintero gives it (e.g. <c>T112</c>).</summary>
        public string? partner_id { get; set; }

        public bool? livemode { get; set; }
        public bool? active { get; set; }
        public DateTimeOffset? created_at { get; set; }
        public DateTimeOffset? updated_at { get; set; }

        /// <summary>Who signed up, and the partner's <c>signup_reference</c> of the invitation the account came from.</summary>
        public AccountApplicant? applicant { get; set; }

        public AccountCompany? company { get; set; }
        public AccountBilling? billing { get; set; }

        /// <summary>By connection kind (<c>common</c>, <c>bambora</c>, ...): its status and signup, as Dintero gives them.</summary>
        public Dictionary<string, object?>? connections { get; set; }

        /// <summary>
        /// Each connection's status by kind, as <c>-ConnectionType</c> names it (<c>Common</c>, <c>PayEx</c>, ...), wherever
        /// <see cref="connections"/> holds it (PayEx's is nested under <c>payex.creditcard</c>). The client fills it in
        /// from the one list of kinds; not part of Dintero's answer.
        /// </summary>
        [LocalField]
        public IDictionary<string, string?>? connection_status { get; set; }
    }
}
