using System;
using System.Collections.Generic;
using System.Linq;

namespace Dintero.Connections.Models
{
    /// <summary>
    /// An API client of an account (<c>/accounts/{aid}/auth/clients</c>): what a merchant's shop authenticates with. Its
    /// <see cref="id"/> (a UUID) is what a grant names; its <see cref="client_id"/> is the user name its token requests use.
    /// The secret is never part of it: Dintero shows it once, and New-DinteroApiClient hands it over as a credential.
    /// </summary>
    public sealed class ApiClient : DinteroModel
    {
        /// <summary>Dintero's identifier of the client object, a UUID: what a grant's <c>client_id</c> is.</summary>
        public string? id { get; set; }

        public DateTimeOffset? created_at { get; set; }
        public string? created_by { get; set; }
        public DateTimeOffset? updated_at { get; set; }
        public DateTimeOffset? deleted_at { get; set; }
        public string? deleted_by { get; set; }
        public string? name { get; set; }
        public string? description { get; set; }

        /// <summary>The client's id string: the user name of its token requests.</summary>
        public string? client_id { get; set; }

        public List<string>? callbacks { get; set; }

        /// <summary>The account the client belongs to (in the request's URL); binds to -AccountId when piped on.</summary>
        [LocalField]
        public string? account_id { get; set; }

        /// <summary>The client's grants, read with it by Get-DinteroApiClient and New-DinteroApiClient; null when not read.</summary>
        [LocalField]
        public List<ClientGrant>? grants { get; set; }

        /// <summary>The scopes of its grants, for the views and Where-Object: <c>admin:checkout</c>, ...</summary>
        [LocalField]
        public string? scopes => grants == null ? null : string.Join(", ", grants.Where(grant => grant?.scope != null).SelectMany(grant => grant.scope!).Distinct(StringComparer.Ordinal));
    }
}
