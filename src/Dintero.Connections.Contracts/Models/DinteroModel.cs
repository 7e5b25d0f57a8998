using System;
using System.Collections.Generic;

namespace Dintero.Connections.Models
{
    /// <summary>
    /// Base of every Dintero request and answer model.
    /// </summary>
    /// <remarks>
    /// Property names are Dintero's wire names (<c>payment_options</c>), not C# PascalCase: PowerShell users
    /// read, pipe and <c>ConvertTo-Json</c> these objects, and should see the names of Dintero's documentation
    /// and of their own input hashtables. Fields the model does not know are kept in a store that is not a
    /// public property, so a newer API's fields survive a round trip without showing up as an extra column.
    /// </remarks>
    public abstract class DinteroModel
    {
        private Dictionary<string, object?>? additionalProperties;

        /// <summary>Fields of the JSON document that this model has no property for, in document order.</summary>
        public IReadOnlyDictionary<string, object?> GetAdditionalProperties() =>
            (IReadOnlyDictionary<string, object?>?)additionalProperties ?? EmptyProperties;

        /// <summary>Adds or replaces a field that this model has no property for.</summary>
        public void SetAdditionalProperty(string name, object? value)
        {
            if (string.IsNullOrEmpty(name)) throw new ArgumentException("A field name is required.", nameof(name));
            (additionalProperties ??= new Dictionary<string, object?>(StringComparer.Ordinal))[name] = value;
        }

        // The serializer reads and writes unknown fields through this store (see ModelContract).
        internal Dictionary<string, object?>? AdditionalPropertyStore
        {
            get => additionalProperties;
            set => additionalProperties = value;
        }

        private static readonly IReadOnlyDictionary<string, object?> EmptyProperties =
            new Dictionary<string, object?>(0);
    }
}
