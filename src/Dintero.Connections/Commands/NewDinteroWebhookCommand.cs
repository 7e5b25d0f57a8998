using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Security;
using Dintero.Connections.Binding;
using Dintero.Connections.Completion;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Models;
using Dintero.Connections.Signups;
using Dintero.Connections.Webhooks;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Subscribes an account to events delivered to a URL, signed with a secret given as a SecureString. Safe to run
    /// again: an account whose subscription to the URL has every event already is skipped (the engine's WebhookSetup),
    /// unless -Force. A test account's subscription to events Dintero sends production subscriptions only is warned about.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DinteroWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(WebhookSubscription))]
    public sealed class NewDinteroWebhookCommand : DinteroRecordCmdlet<WebhookOutcome>
    {
        private const string SkippedCondition = "Rows skipped because their account has the subscription already";
        private const string NeverSentCondition = "Test accounts subscribed to events Dintero sends production subscriptions only";

        /// <summary>The events to deliver, e.g. account_add, account_update (completed from Dintero's list).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("events")]
        [ArgumentCompleter(typeof(WebhookEventCompleter))]
        public string[]? Event { get; set; }

        /// <summary>Where Dintero posts each delivery (http or https).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        public string? Url { get; set; }

        /// <summary>The secret deliveries are signed with (the event-signature header); Test-DinteroWebhookSignature checks it.</summary>
        [Parameter]
        public SecureString? Secret { get; set; }

        /// <summary>Delivers even when the URL's TLS certificate does not verify; for test receivers only.</summary>
        [Parameter]
        public SwitchParameter InsecureSsl { get; set; }

        /// <summary>Subscribes whatever exists: a second subscription to the URL.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        private protected override string Activity => "Subscribing to webhooks";

        private protected override BatchCall<WebhookOutcome>? Plan(BatchItem item)
        {
            var accountId = item.ResolveAccount();
            var events = Cells.Of(Event);
            var secret = Secret == null ? null : new DinteroSecret(new NetworkCredential(string.Empty, Secret).Password);
            var wanted = WebhookEvents.Check(events, Url, secret, InsecureSsl);
            var neverSent = WebhookEvents.NeverSentTo(accountId, wanted.events!);
            if (neverSent.Count > 0)
            {
                WriteRepeatedWarning(NeverSentCondition, $"{accountId} is a test account: Dintero sends {string.Join(", ", neverSent)} to production subscriptions only, so this subscription will not get them. Subscribed as asked.");
            }
            var setup = new WebhookSetup(item.Client);
            var action = $"Subscribe {wanted.config!.url} to {string.Join(", ", wanted.events!)}";
            if (Planning)
            {
                var planned = Run(token => setup.PlanAsync(accountId, wanted, Force, token));
                return BatchCall.Planned(planned.Outcome == RowOutcome.WouldSkip ? $"Skip {wanted.config.url}: {planned.Reason}" : action, planned);
            }
            return BatchCall.Change(action, token => setup.SubscribeAsync(accountId, wanted, Force, token));
        }

        private protected override void WriteResult(WebhookOutcome outcome, BatchItem item)
        {
            switch (outcome.Outcome)
            {
                case RowOutcome.Created:
                    WriteObject(outcome.Subscription);
                    break;
                case RowOutcome.Skipped:
                    WriteRepeatedWarning(SkippedCondition, $"{outcome.AccountId}: skipped: {outcome.Reason}.");
                    break;
            }
        }
    }
}
