using System.Collections.Generic;

namespace Dintero.Connections.Models
{
    /// <summary>
    /// The account's settings (<c>GET .../management/settings</c>): its company and the state of each connection
    /// by kind. Other fields of the answer (applicant, billing, ...) are kept as additional properties.
    /// </summary>
    public sealed class AccountSettings : DinteroModel
    {
        /// <summary>Dintero's identifier of the account object (a UUID); the account id is <see cref="account_id"/>.</summary>
        public string? id { get; set; }

        /// <summary>The account id, e.g. <c>T12345678</c>; binds to -AccountId when settings are piped on.</summary>
        public string? account_id { get; set; }
        public AccountCompany? company { get; set; }

        /// <summary>By connection kind (<c>common</c>, <c>bambora</c>, ...): its status and signup, as Dintero gives them.</summary>
        public Dictionary<string, object?>? connections { get; set; }

        /// <summary>
        /// Each connection's status by kind, as <c>-Type</c> names it (<c>Common</c>, <c>PayEx</c>, ...), wherever
        /// <see cref="connections"/> holds it (PayEx's is nested under <c>payex.creditcard</c>). The client fills it in
        /// from the one list of kinds; not part of Dintero's answer.
        /// </summary>
        [LocalField]
        public IDictionary<string, string?>? connection_status { get; set; }
    }
}
