using System.Collections.Generic;
using Dintero.Connections.Clients;

namespace Dintero.Connections.Completion
{
    /// <summary>Completes New-DinteroApiClient -Scope with the scopes a shop's client is given (ClientScopes.Known, an open list).</summary>
    public sealed class ScopeCompleter : ValueListCompleter
    {
        protected override IEnumerable<string> Values => ClientScopes.Known;

        protected override string Describe(string value) => value == ClientScopes.CheckoutAdmin ? $"{value} (the default: the shop takes payments)" : value;
    }
}
