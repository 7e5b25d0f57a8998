using System.Collections.Generic;
using System.Management.Automation;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Models;
using Dintero.Connections.Paging;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Gets a subscription's latest deliveries, newest first, each with its event, status and timing, or one by -DeliveryId:
    /// the way to see why a hook went quiet (Dintero deletes a subscription after repeated failed deliveries).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DinteroWebhookDelivery")]
    [OutputType(typeof(WebhookDelivery))]
    public sealed class GetDinteroWebhookDeliveryCommand : DinteroRecordCmdlet<IReadOnlyList<WebhookDelivery>>
    {
        /// <summary>The subscription's id; a subscription from Get-DinteroWebhook piped in binds by its <c>id</c>.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("hook_id", "id")]
        [ValidateNotNullOrEmpty]
        public string? HookId { get; set; }

        /// <summary>One delivery by its id, instead of the latest.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DeliveryId { get; set; }

        /// <summary>How many of the latest deliveries, in Dintero's page sizes (<see cref="Paging.CursorPaging.MaxLimit"/>).</summary>
        [Parameter]
        [ValidateRange(1, CursorPaging.MaxLimit)]
        public int Last { get; set; } = 10;

        private protected override string Activity => "Reading webhook deliveries";

        private protected override BatchCall<IReadOnlyList<WebhookDelivery>>? Plan(BatchItem item)
        {
            var accountId = item.ResolveAccount();
            var hookId = HookId!.Trim();
            if (DeliveryId != null) return BatchCall.Read<IReadOnlyList<WebhookDelivery>>(async token => new[] { await item.Api.GetWebhookDeliveryAsync(accountId, hookId, DeliveryId.Trim(), token).ConfigureAwait(false) });
            return BatchCall.Read(token => item.Api.GetWebhookDeliveriesAsync(accountId, hookId, Last, token));
        }
    }
}
