using System.Collections.Generic;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Completion
{
    /// <summary>Completes a connection status filter with every status (KnownValues, the one list).</summary>
    public sealed class ConnectionStatusCompleter : ValueListCompleter
    {
        protected override IEnumerable<string> Values => KnownValues.ConnectionStatuses;

        protected override string Describe(string value) => $"connections that are {value}";
    }
}
