using Dintero.Connections.Models;

namespace Dintero.Connections.Http
{
    /// <summary>
    /// The field each of Dintero's answers always holds, in one place: a connection its status, an API client, a grant and
    /// a webhook subscription their id. A 2xx whose body lacks it (<c>{}</c> from a gateway, a proxy's page read as JSON)
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
            _ => null,
        };
    }
}
