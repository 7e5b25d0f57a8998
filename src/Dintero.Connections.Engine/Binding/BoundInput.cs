using System.Collections.Generic;
using Dintero.Connections.Models;

namespace Dintero.Connections.Binding
{
    /// <summary>A cmdlet's input object, bound: the model, the values of keys that name parameters, and the keys ignored.</summary>
    public sealed class BoundInput<T> where T : DinteroModel
    {
        internal BoundInput(T model, IReadOnlyDictionary<string, object?> parameterValues, IReadOnlyList<string> ignoredKeys)
        {
            Model = model;
            ParameterValues = parameterValues;
            IgnoredKeys = ignoredKeys;
        }

        public T Model { get; }

        /// <summary>By parameter name: the values of keys such as <c>account_id</c> that name a parameter of the cmdlet.</summary>
        public IReadOnlyDictionary<string, object?> ParameterValues { get; }

        /// <summary>Keys that are neither fields nor parameters (a master sheet's columns for another cmdlet).</summary>
        public IReadOnlyList<string> IgnoredKeys { get; }
    }
}
