using System;
using Dintero.Connections.Errors;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Clients
{
    /// <summary>What the cmdlets that act on one client or subscription by its <c>-Id</c> check first.</summary>
    internal static class ClientIds
    {
        /// <summary>The id, checked to be a UUID (Dintero's ids of clients, grants and subscriptions are), before anything is sent.</summary>
        public static string Checked(string? id, string what = "API client")
        {
            if (Guid.TryParse(id, out _)) return id!.Trim();
            throw new DinteroValidationException($"The {what}", new[]
            {
                new ValidationProblem("Id", $"'{id}' is no {what} id: Dintero's are UUIDs, e.g. 497f6eca-6276-4993-bfeb-53cbbbba6f08 (Get-{(what == "API client" ? "DinteroApiClient" : "DinteroWebhook")} shows them)."),
            });
        }
    }
}
