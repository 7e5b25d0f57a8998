using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using Dintero.Connections.Session;

namespace Dintero.Connections.Completion
{
    /// <summary>Completes -AccountId with the connected account.</summary>
    public sealed class AccountIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var context = RunspaceSession.Current.Context;
            if (context == null || !context.AccountId.StartsWith(wordToComplete ?? string.Empty, System.StringComparison.OrdinalIgnoreCase)) yield break;
            yield return new CompletionResult(context.AccountId, context.AccountId, CompletionResultType.ParameterValue, $"{context.AccountId} ({context.Environment}, connected)");
        }
    }
}
