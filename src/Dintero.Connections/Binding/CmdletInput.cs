using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Dintero.Connections.Models;

namespace Dintero.Connections.Binding
{
    /// <summary>
    /// Binds a cmdlet's input objects: keys that name one of the cmdlet's pipeline-bound parameters (such as
    /// <c>account_id</c>, an alias of -AccountId) come back as that parameter's value, not as a signup field; keys for
    /// other cmdlets (a master sheet's <c>organization_number</c>) are ignored, with one warning per invocation. Which
    /// keys name parameters is read from the cmdlet's own parameter metadata: its [Alias] attributes are the one list.
    /// </summary>
    internal sealed class CmdletInput
    {
        private readonly Commands.DinteroCmdlet cmdlet;
        private readonly IReadOnlyDictionary<string, string> parameterKeys;
        private readonly IgnoredKeyNotice notice = new IgnoredKeyNotice();
        private readonly IEnumerable<string>? quietKeys;

        /// <param name="cmdlet">Whose parameters the keys may name, and whose warning says which keys were ignored.</param>
        /// <param name="quietKeys">Keys dropped without a word (a report's own columns).</param>
        public CmdletInput(Commands.DinteroCmdlet cmdlet, IEnumerable<string>? quietKeys = null)
        {
            this.cmdlet = cmdlet;
            this.quietKeys = quietKeys;
            var keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var parameter in cmdlet.MyInvocation.MyCommand.Parameters.Values)
            {
                if (!parameter.ParameterSets.Values.Any(set => set.ValueFromPipelineByPropertyName)) continue;
                keys[parameter.Name] = parameter.Name;
                foreach (var alias in parameter.Aliases) keys[alias] = parameter.Name;
            }
            parameterKeys = keys;
        }

        /// <summary>Binds one input object; throws <see cref="Errors.DinteroValidationException"/> with every problem.</summary>
        /// <param name="input">The object unwrapped into plain values (<see cref="PowerShellInput.ToPlain"/>, as <see cref="Concurrency.BatchItem.Plain"/> holds it).</param>
        /// <param name="what">What the input is, e.g. "the Common signup".</param>
        /// <param name="root">Its JSON path, e.g. <c>signup</c>.</param>
        public BoundInput<T> Bind<T>(object? input, string what, string root) where T : DinteroModel, new()
        {
            var bound = InputBinder.BindInput<T>(input, Capitalized(what), root, parameterKeys, quietKeys);
            var warning = notice.For(bound.IgnoredKeys, what, cmdlet.MyInvocation.MyCommand.Name);
            if (warning != null) cmdlet.WriteWarning(warning);
            return bound;
        }

        private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
    }
}
