using System;
using System.Collections.Generic;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Binding
{
    /// <summary>The top level of a cmdlet's input: keys that name parameters, and keys left for other cmdlets.</summary>
    internal sealed class TopLevelKeys
    {
        private readonly Dictionary<string, string> parameters;

        private readonly HashSet<string> quiet;

        public TopLevelKeys(IReadOnlyDictionary<string, string> parameterKeys, IEnumerable<string>? quietKeys)
        {
            parameters = new Dictionary<string, string>(FieldNameComparer.Instance);
            foreach (var pair in parameterKeys) parameters[pair.Key] = pair.Value;
            quiet = new HashSet<string>(quietKeys ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase);
        }

        public Dictionary<string, object?> ParameterValues { get; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

        public List<string> IgnoredKeys { get; } = new List<string>();

        public bool IsQuiet(string key) => quiet.Contains(key);

        /// <summary>Whether the key names one of the cmdlet's parameters.</summary>
        public bool IsParameter(string key) => parameters.ContainsKey(key);

        /// <summary>Takes the value of a key that names one of the cmdlet's parameters; false for any other key.</summary>
        public bool ClaimParameter(string key, object? value)
        {
            if (!parameters.TryGetValue(key, out var parameter)) return false;
            ParameterValues[parameter] = value;
            return true;
        }
    }
}
