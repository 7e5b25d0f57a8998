using Dintero.Connections.Signups;

namespace Dintero.Connections.Models
{
    /// <summary>What became of one row of New-DinteroWebhook: the subscription made, or the existing one it was skipped for.</summary>
    public sealed class WebhookOutcome
    {
        internal WebhookOutcome(RowOutcome outcome, string accountId, WebhookSubscription subscription, string? reason)
        {
            Outcome = outcome;
            AccountId = accountId;
            Subscription = subscription;
            Reason = reason;
        }

        /// <summary>Created, Skipped, WouldCreate or WouldSkip; failures are exceptions, as for every call.</summary>
        public RowOutcome Outcome { get; }

        public string AccountId { get; }

        /// <summary>The subscription made, the existing one a skip is for, or for a plan the one that would be sent.</summary>
        public WebhookSubscription Subscription { get; }

        /// <summary>For a skip, which subscription was found.</summary>
        public string? Reason { get; }
    }
}
