using System.Management.Automation;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Models;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Asks Dintero to deliver a ping to a subscription's URL. Dintero answers at once and delivers on its own time, so the
    /// command writes nothing (with -PassThru, the subscription read again); Get-DinteroWebhookDelivery shows the delivery
    /// and how the receiver answered.
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "DinteroWebhookPing", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(WebhookSubscription))]
    public sealed class SendDinteroWebhookPingCommand : DinteroRecordCmdlet<WebhookSubscription>
    {
        /// <summary>The subscription's id, e.g. from Get-DinteroWebhook piped in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("hook_id")]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        /// <summary>Writes the subscription, read after the ping.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected override string Activity => "Pinging webhook subscriptions";

        private protected override BatchCall<WebhookSubscription>? Plan(BatchItem item)
        {
            var accountId = item.ResolveAccount();
            var id = Id!.Trim();
            return BatchCall.Change($"Ask Dintero to deliver a ping to webhook subscription {id}", async token =>
            {
                await item.Api.PingWebhookAsync(accountId, id, token).ConfigureAwait(false);
                return PassThru ? await item.Api.GetWebhookAsync(accountId, id, token).ConfigureAwait(false) : new WebhookSubscription { id = id, account_id = accountId };
            });
        }

        private protected override void WriteResult(WebhookSubscription hook, BatchItem item)
        {
            WriteVerbose($"{item.AccountId}: Dintero took the ping for subscription {hook.id}; Get-DinteroWebhookDelivery -HookId {hook.id} -Last 1 shows how it went.");
            if (PassThru) WriteObject(hook);
        }
    }
}
