using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Dintero.Connections.Models;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Binding
{
    /// <summary>
    /// The fields of a model as input keys: matched without regard to case or separators, so
    /// <c>payment_options</c>, <c>PaymentOptions</c> and <c>paymentOptions</c> all name the same field.
    /// </summary>
    internal sealed class ModelFields
    {
        private static readonly ConcurrentDictionary<Type, ModelFields> Cache = new ConcurrentDictionary<Type, ModelFields>();
        private readonly Dictionary<string, PropertyInfo> byKey;

        private ModelFields(Type type)
        {
            Properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(property => property.CanWrite && property.GetIndexParameters().Length == 0 && !LocalFieldAttribute.IsOn(property))
                .ToList();
            byKey = Properties.ToDictionary(property => property.Name, FieldNameComparer.Instance);
        }

        public IReadOnlyList<PropertyInfo> Properties { get; }

        public IEnumerable<string> Names => Properties.Select(property => property.Name);

        public static ModelFields Of(Type type) => Cache.GetOrAdd(type, t => new ModelFields(t));

        public PropertyInfo? Find(string key) => byKey.TryGetValue(key, out var property) ? property : null;

        public static bool IsModel(Type type) => typeof(DinteroModel).IsAssignableFrom(type);
    }
}
