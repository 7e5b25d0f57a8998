using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Dintero.Connections.Models;

namespace Dintero.Connections.Completion
{
    /// <summary>Completes a parameter from a fixed list of values.</summary>
    public abstract class KnownValueCompleter : IArgumentCompleter
    {
        protected abstract IEnumerable<string> Values { get; }

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Values.Where(value => value.StartsWith((wordToComplete ?? string.Empty).Trim('\'', '"'), StringComparison.OrdinalIgnoreCase))
                .Select(value => new CompletionResult(value, value, CompletionResultType.ParameterValue, value));
    }

    /// <summary>Completes -Type with the connection kinds.</summary>
    public sealed class ConnectionTypeCompleter : KnownValueCompleter
    {
        protected override IEnumerable<string> Values => ConnectionType.All;
    }
}
