using System.Collections.Generic;
using Dintero.Connections.Clients;

namespace Dintero.Connections.Completion
{
    /// <summary>Completes New-DinteroApiClient -GrantType with Dintero's grant types (ClientScopes.GrantTypes, the one list).</summary>
    public sealed class GrantTypeCompleter : ValueListCompleter
    {
        protected override IEnumerable<string> Values => ClientScopes.GrantTypes;

        protected override string Describe(string value) => value == ClientScopes.ClientCredentials ? $"{value} (the default: the client's own id and secret)" : value;
    }
}
