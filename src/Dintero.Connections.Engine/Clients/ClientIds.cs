using System;
using Dintero.Connections.Errors;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Clients
{
    /// <summary>An API client's id as the cmdlets that act on one client take it: checked before anything is sent.</summary>
    public static class ClientIds
    {
        /// <summary>The id, trimmed, when it is a UUID (Dintero's ids of clients and grants are).</summary>
        /// <exception cref="DinteroValidationException">It is not: said with where the ids are shown.</exception>
        public static string Checked(string? id)
        {
            if (Guid.TryParse(id, out _)) return id!.Trim();
            throw new DinteroValidationException("The API client", new[]
            {
                new ValidationProblem("Id", $"'{id}' is no API client id: Dintero's are UUIDs, e.g. 497f6eca-6276-4993-bfeb-53cbbbba6f08 (Get-DinteroApiClient shows them)."),
            });
        }
    }
}
