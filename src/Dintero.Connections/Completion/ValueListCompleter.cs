using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Dintero.Connections.Completion
{
    /// <summary>Completes a parameter from a list the engine owns, by prefix, in the list's order.</summary>
    public abstract class ValueListCompleter : IArgumentCompleter
    {
        /// <summary>The values, e.g. the connection kinds.</summary>
        protected abstract IEnumerable<string> Values { get; }

        /// <summary>The tooltip of a value.</summary>
        protected abstract string Describe(string value);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            foreach (var value in Values)
            {
                if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) yield return new CompletionResult(value, value, CompletionResultType.ParameterValue, Describe(value));
            }
        }
    }
}
