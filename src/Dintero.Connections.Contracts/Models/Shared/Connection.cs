using System;
using System.Collections.Generic;

namespace Dintero.Connections.Models
{
    /// <summary>What every connection answer has: status, events and timestamps.</summary>
    public abstract class Connection : DinteroModel
    {
        /// <summary>
        /// The account the connection belongs to. Not part of Dintero's answer (it is in the URL): the client fills
        /// it in, so output piped onward binds to <c>-AccountId</c>. Never read from or written to Dintero's JSON.
        /// </summary>
        public string? account_id { get; set; }

        public DateTimeOffset? created_at { get; set; }
        public string? created_by { get; set; }
        public DateTimeOffset? updated_at { get; set; }
        public Dictionary<string, object?>? metadata { get; set; }

        /// <summary><c>pending</c>, <c>enabled</c>, <c>failed</c> or <c>declined</c>; kept as text so a new status is not lost.</summary>
        public string? status { get; set; }
        public List<ConnectionEvent>? events { get; set; }
        public decimal? schema { get; set; }

        /// <summary>The connection kind, <c>Common</c> or <c>Bambora</c>. Not a Dintero field: the method keeps it out of the JSON.</summary>
        public abstract string GetConnectionType();
    }
}
