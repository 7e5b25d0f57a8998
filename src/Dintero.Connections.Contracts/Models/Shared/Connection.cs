using System;
using System.Collections.Generic;
using System.Globalization;

namespace Dintero.Connections.Models
{
    /// <summary>What every connection answer has: status, events and timestamps.</summary>
    /// <remarks>
    /// Besides Dintero's fields, it carries a few the module fills in or reads off the events (<see cref="LocalFieldAttribute"/>),
    /// with snake_case names like the rest, so <c>Select-Object account_id, status, signature_link | Export-Csv</c>
    /// and the views speak one language.
    /// </remarks>
    public abstract class Connection : DinteroModel
    {
        /// <summary>The event whose metadata holds the link the merchant signs at.</summary>
        public const string SignatureRequiredEvent = "signature_required";

        /// <summary>
        /// The account the connection belongs to. Not part of Dintero's answer (it is in the URL): the client fills
        /// it in, so output piped onward binds to <c>-AccountId</c>.
        /// </summary>
        [LocalField]
        public string? account_id { get; set; }

        /// <summary>The connection kind, as <c>Get-DinteroConnection -ConnectionType</c> takes it, e.g. <c>Common</c>: each model names its own kind.</summary>
        [LocalField]
        public abstract string connection_type { get; }

        /// <summary>The link of the latest <c>signature_required</c> event: where the merchant signs the agreement.</summary>
        [LocalField]
        public string? signature_link
        {
            get
            {
                if (events == null) return null;
                for (var i = events.Count - 1; i >= 0; i--)
                {
                    var metadata = events[i]?.metadata;
                    if (metadata != null && metadata.TryGetValue("signature_link", out var link) && link != null)
                    {
                        return Convert.ToString(link, CultureInfo.InvariantCulture);
                    }
                }
                return null;
            }
        }

        /// <summary>The name of the latest event, e.g. <c>signature_required</c>.</summary>
        [LocalField]
        public string? last_event
        {
            get
            {
                if (events == null) return null;
                for (var i = events.Count - 1; i >= 0; i--)
                {
                    if (events[i] != null) return events[i].@event;
                }
                return null;
            }
        }

        public DateTimeOffset? created_at { get; set; }
        public string? created_by { get; set; }
        public DateTimeOffset? updated_at { get; set; }
        public Dictionary<string, object?>? metadata { get; set; }

        /// <summary><c>pending</c>, <c>enabled</c>, <c>failed</c> or <c>declined</c>; kept as text so a new status is not lost.</summary>
        public string? status { get; set; }
        public List<ConnectionEvent>? events { get; set; }
        public decimal? schema { get; set; }
    }
}
