using System.Collections.Generic;
using Dintero.Connections.Kinds;

namespace Dintero.Connections.Completion
{
    /// <summary>Completes -ConnectionType with the connection kinds (the engine's ConnectionKinds, the one list of them).</summary>
    public sealed class ConnectionTypeCompleter : ValueListCompleter
    {
        protected override IEnumerable<string> Values => ConnectionKinds.Names;

        protected override string Describe(string value) => $"{value} connection";
    }
}
