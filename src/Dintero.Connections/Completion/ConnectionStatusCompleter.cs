using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Completion
{
    /// <summary>Completes Wait-DinteroConnection -Status with the final connection statuses (KnownValues, the one list).</summary>
    public sealed class ConnectionStatusCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            foreach (var status in KnownValues.FinalConnectionStatuses)
            {
                if (status.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) yield return new CompletionResult(status, status, CompletionResultType.ParameterValue, $"wait until the connection is {status}");
            }
        }
    }
}
