using System.Management.Automation;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Models;
using Dintero.Connections.Paging;

namespace Dintero.Connections.Commands
{
    /// <summary>Gets an account's webhook subscriptions, page by page, or one by -Id. Never a secret: Dintero answers with its type only.</summary>
    [Cmdlet(VerbsCommon.Get, "DinteroWebhook")]
    [OutputType(typeof(WebhookSubscription))]
    public sealed class GetDinteroWebhookCommand : DinteroRecordCmdlet<WebhookSubscription>
    {
        /// <summary>The subscription's id; by parameter only, since a merchant piped in has an <c>id</c> of its own.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        private protected override string Activity => "Reading webhook subscriptions";

        private protected override BatchCall<WebhookSubscription>? Plan(BatchItem item)
        {
            var accountId = item.ResolveAccount();
            if (Id != null) return BatchCall.Read(token => item.Api.GetWebhookAsync(accountId, Id.Trim(), token));
            return BatchCall.Pages((cursor, token) => item.Api.ListWebhooksAsync(accountId, CursorPaging.MaxLimit, cursor, token));
        }
    }
}
