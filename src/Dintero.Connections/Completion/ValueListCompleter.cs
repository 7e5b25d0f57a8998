using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Dintero.Connections.Completion
{
    /// <summary>
    /// Completes a parameter from a list the engine owns, by prefix, in the list's order; a value the parameter's list has
    /// already (<c>-CaseStatus ACTIVE,</c>) is not offered again.
    /// </summary>
    public abstract class ValueListCompleter : IArgumentCompleter
    {
        /// <summary>The values, e.g. the connection kinds.</summary>
        protected abstract IEnumerable<string> Values { get; }

        /// <summary>The tooltip of a value.</summary>
        protected abstract string Describe(string value);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var given = Given(commandAst, parameterName);
            foreach (var value in Values)
            {
                if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && !given.Contains(value)) yield return new CompletionResult(value, value, CompletionResultType.ParameterValue, Describe(value));
            }
        }

        // The values before the one being completed in the parameter's list, as typed: "ACTIVE, DECLINED, W" gives ACTIVE and
        // DECLINED. Read off the text, as PowerShell parses "ACTIVE," (a list still being typed) as no list at all.
        private static HashSet<string> Given(CommandAst? command, string parameterName)
        {
            var given = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (command == null) return given;
            var elements = command.CommandElements;
            for (var i = 0; i < elements.Count; i++)
            {
                if (!(elements[i] is CommandParameterAst parameter) || !parameterName.StartsWith(parameter.ParameterName, StringComparison.OrdinalIgnoreCase)) continue;
                var argument = parameter.Argument ?? (i + 1 < elements.Count && !(elements[i + 1] is CommandParameterAst) ? elements[i + 1] : null);
                if (argument == null) continue;
                var pieces = argument.Extent.Text.Split(',');
                foreach (var piece in pieces.Take(pieces.Length - 1)) given.Add(piece.Trim().Trim('\'', '"'));
            }
            return given;
        }
    }
}
