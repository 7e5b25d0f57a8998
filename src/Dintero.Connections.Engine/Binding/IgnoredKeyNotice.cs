using System;
using System.Collections.Generic;
using System.Linq;

namespace Dintero.Connections.Binding
{
    /// <summary>Says once per cmdlet invocation which input keys were ignored, however many items carry them.</summary>
    public sealed class IgnoredKeyNotice
    {
        private readonly HashSet<string> told = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>A warning naming the keys not told before, or null when there are none.</summary>
        /// <param name="keys">The keys an item's binding ignored.</param>
        /// <param name="what">What the keys are not fields of, e.g. "the Common signup".</param>
        /// <param name="command">The cmdlet whose parameters they are not, e.g. "New-DinteroCommonConnection".</param>
        public string? For(IEnumerable<string> keys, string what, string command)
        {
            var fresh = keys.Where(told.Add).ToList();
            if (fresh.Count == 0) return null;
            var names = string.Join(", ", fresh.Select(key => "'" + key + "'"));
            var noun = fresh.Count == 1 ? "column (or key)" : "columns (or keys)";
            return $"Ignored the {noun} {names}: not fields of {what} nor parameters of {command}.";
        }
    }
}
