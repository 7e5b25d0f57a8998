using Dintero.Connections.Signups;

namespace Dintero.Connections.Models
{
    /// <summary>
    /// What became of one row of New-DinteroApiClient (or of a secret reset): the client made and its grant, with the
    /// secret Dintero showed once; or why nothing was (or would be) made. Failures are exceptions, as for every call.
    /// </summary>
    public sealed class ApiClientOutcome
    {
        internal ApiClientOutcome(RowOutcome outcome, string accountId, string name, ApiClient? client, DinteroSecret? secret, string? reason)
        {
            Outcome = outcome;
            AccountId = accountId;
            Name = name;
            Client = client;
            Secret = secret;
            Reason = reason;
        }

        public RowOutcome Outcome { get; }

        public string AccountId { get; }

        /// <summary>The client's name, as asked for.</summary>
        public string Name { get; }

        /// <summary>The client made (with its grants), or the existing one a skip is for; null when none was found.</summary>
        public ApiClient? Client { get; }

        /// <summary>The secret Dintero showed in its answer, once; null for a skip or a plan. It prints as ***.</summary>
        public DinteroSecret? Secret { get; }

        /// <summary>For a skip, what was found; for a creation settled by reading back, what proved it.</summary>
        public string? Reason { get; }
    }
}
