using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Dintero.Connections.Completion
{
    /// <summary>
    /// For a value only the user's own records know (a seller's payout_destination_id): offers nothing, where PowerShell
    /// would offer the current folder's file names. Reading the ids from Dintero would cost a call per Tab.
    /// </summary>
    public sealed class NoValueCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Enumerable.Empty<CompletionResult>();
    }
}
