using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using Dintero.Connections.Kinds;

namespace Dintero.Connections.Completion
{
    /// <summary>Completes -Type with the connection kinds (the engine's ConnectionKinds, the one list of them).</summary>
    public sealed class ConnectionTypeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            foreach (var type in ConnectionKinds.Names)
            {
                if (type.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) yield return new CompletionResult(type, type, CompletionResultType.ParameterValue, $"{type} connection");
            }
        }
    }
}
