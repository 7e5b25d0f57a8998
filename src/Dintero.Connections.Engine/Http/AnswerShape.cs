using Dintero.Connections.Models;

namespace Dintero.Connections.Http
{
    /// <summary>
    /// The field each of Dintero's answers always holds, in one place: a connection its status, an API client, a grant,
    /// a webhook subscription and an approval case their id, an approvals list its list. A 2xx whose body lacks it (<c>{}</c> from a gateway, a proxy's page read as JSON)
    /// is not Dintero's answer: the request is treated as one whose answer was lost (<see cref="DinteroApi"/>), so a
    /// change is settled by reading back, never reported as done on an empty word.
    /// </summary>
    internal static class AnswerShape
    {
        /// <summary>The name of the field the answer lacks; null when it is shaped as Dintero answers.</summary>
        public static string? Missing(object? answer) => answer switch
        {
            Connection connection when string.IsNullOrWhiteSpace(connection.status) => "status",
            ApiClient client when string.IsNullOrWhiteSpace(client.id) => "id",
            ClientGrant grant when string.IsNullOrWhiteSpace(grant.id) => "id",
            WebhookSubscription hook when string.IsNullOrWhiteSpace(hook.id) => "id",
            PaymentApproval approval when string.IsNullOrWhiteSpace(approval.id) => "id",
            PayoutDestination seller when string.IsNullOrWhiteSpace(seller.id) => "id",
            PaymentApprovalList list when list.payments == null => "payments",
            PayoutDestinationList list when list.payout_destinations == null => "payout_destinations",
            _ => null,
        };
    }
}
