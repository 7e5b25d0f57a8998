using System.Collections.Generic;

namespace Dintero.Connections.Models
{
    /// <summary>
    /// The account's settings (<c>GET .../management/settings</c>): its company and the state of each connection
    /// by kind. Other fields of the answer (applicant, billing, ...) are kept as additional properties.
    /// </summary>
    public sealed class AccountSettings : DinteroModel
    {
        public string? id { get; set; }
        public AccountCompany? company { get; set; }

        /// <summary>By connection kind (<c>common</c>, <c>bambora</c>, ...): its status and signup, as Dintero gives them.</summary>
        public Dictionary<string, object?>? connections { get; set; }
    }
}
