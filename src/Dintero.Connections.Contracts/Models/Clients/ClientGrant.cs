using System;
using System.Collections.Generic;

namespace Dintero.Connections.Models
{
    /// <summary>
    /// A client grant (<c>/accounts/{aid}/auth/client-grants</c>): what lets an API client get a token for an audience (the
    /// account's URL) with these scopes.
    /// </summary>
    public sealed class ClientGrant : DinteroModel
    {
        public string? id { get; set; }
        public DateTimeOffset? created_at { get; set; }
        public string? created_by { get; set; }
        public DateTimeOffset? updated_at { get; set; }

        /// <summary>The client's <c>id</c> (a UUID), not its client_id string.</summary>
        public string? client_id { get; set; }

        /// <summary>The account's URL, e.g. <c>https://api.dintero.com/v1/accounts/T11200001</c>.</summary>
        public string? audience { get; set; }

        public List<string>? scope { get; set; }

        /// <summary>How the grant is used to get a token: <c>client_credentials</c> for a shop's API client.</summary>
        public string? type { get; set; }

        /// <summary>The account the grant belongs to (in the request's URL).</summary>
        [LocalField]
        public string? account_id { get; set; }
    }
}
