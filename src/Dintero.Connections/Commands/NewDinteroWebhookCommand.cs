using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Security;
using Dintero.Connections.Binding;
using Dintero.Connections.Completion;
using Dintero.Connections.Models;
using Dintero.Connections.Rows;
using Dintero.Connections.Webhooks;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Subscribes an account to events delivered to a URL, signed with a secret given as a SecureString. Safe to run
    /// again (the engine's WebhookSpec): an account whose subscription to the URL has every event already is skipped, an
    /// account named twice in one input is subscribed once, unless -Force. A test account's subscription to events Dintero
    /// sends production subscriptions only is warned about.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DinteroWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(WebhookSubscription))]
    public sealed class NewDinteroWebhookCommand : DinteroCreatorCmdlet<WebhookSubscription>
    {
        private const string UnsignedWarning = "No -Secret: Dintero will deliver these subscriptions' events unsigned, and Test-DinteroWebhookSignature "
            + "refuses a delivery without a signature. Give -Secret (a SecureString) to have every delivery signed; a subscription made without one keeps none.";

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

        /// <summary>A record from the pipeline: a row, a hashtable or an object whose account_id (and other properties) this command takes, or an account id.</summary>
        [Parameter(ValueFromPipeline = true)]
        public object? InputObject { get; set; }

        private protected override object? PipelineInput => InputObject;

        private protected override bool StringRecordIsAccountId => true;

        private protected override string Activity => "Subscribing to webhooks";

        // The report never keeps the secret, nor this switch of the whole command: the command that goes on names them.
        internal override GivenAgain? GivenAgain
        {
            get
            {
                if (Secret == null && !InsecureSsl) return null;
                var arguments = (Secret == null ? string.Empty : "-Secret $secret ") + (InsecureSsl ? "-InsecureSsl" : string.Empty);
                return new GivenAgain(arguments.Trim(), Secret == null ? null : "Set $secret to the signing secret first (a SecureString): the report does not keep it.");
            }
        }

        private protected override CreatorRun<WebhookSubscription> StartRun()
        {
            var command = this;
            var toldUnsigned = false;
            return CreatorRun.Of(this, api => new WebhookSpec(api), (item, accountId) =>
            {
                // Before its checks: a refused row's report keeps the URL and events it gave, to be mended and run again.
                item.Asked = new WebhookSubscription { config = new WebhookConfig { url = command.Url }, events = Cells.Of(command.Event)?.ToList() };
                var secret = command.Secret == null ? null : new DinteroSecret(new NetworkCredential(string.Empty, command.Secret).Password);
                var wanted = WebhookEvents.Check(Cells.Of(command.Event), command.Url, secret, command.InsecureSsl);
                if (secret == null && !toldUnsigned)
                {
                    toldUnsigned = true;
                    command.WriteWarning(UnsignedWarning);
                }
                var neverSent = WebhookEvents.NeverSentTo(accountId, wanted.events!);
                if (neverSent.Count > 0)
                {
                    command.WriteRepeatedWarning(NeverSentCondition, $"{accountId} is a test account: Dintero sends {string.Join(", ", neverSent)} to production subscriptions only, so this subscription will not get them. Subscribed as asked.");
                }
                return (wanted, $"Subscribe {wanted.config!.url} to {string.Join(", ", wanted.events!)}");
            });
        }
    }
}
