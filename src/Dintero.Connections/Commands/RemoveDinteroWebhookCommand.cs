using System.Management.Automation;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Models;

namespace Dintero.Connections.Commands
{
    /// <summary>Deletes a webhook subscription: Dintero delivers nothing more to it.</summary>
    [Cmdlet(VerbsCommon.Remove, "DinteroWebhook", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(WebhookSubscription))]
    public sealed class RemoveDinteroWebhookCommand : DinteroRecordCmdlet<WebhookSubscription>
    {
        /// <summary>The subscription's id, e.g. from Get-DinteroWebhook piped in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("hook_id")]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        /// <summary>Writes the deleted subscription.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected override string Activity => "Removing webhook subscriptions";

        private protected override BatchCall<WebhookSubscription>? Plan(BatchItem item)
        {
            var accountId = item.ResolveAccount();
            var id = Id!.Trim();
            return BatchCall.Change($"Remove webhook subscription {id}: Dintero delivers nothing more to it", token => item.Api.DeleteWebhookAsync(accountId, id, token));
        }

        private protected override void WriteResult(WebhookSubscription result, BatchItem item)
        {
            if (PassThru) base.WriteResult(result, item);
        }
    }
}
