using System.Collections.Generic;
using System.Linq;
using Dintero.Connections.Webhooks;

namespace Dintero.Connections.Completion
{
    /// <summary>Completes New-DinteroWebhook -Event with Dintero's events (WebhookEvents.All, the one list).</summary>
    public sealed class WebhookEventCompleter : ValueListCompleter
    {
        protected override IEnumerable<string> Values => WebhookEvents.All;

        protected override string Describe(string value) =>
            WebhookEvents.ProductionOnly.Contains(value) ? $"{value} (sent to production subscriptions only)" : value;
    }
}
