using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;

namespace Dintero.Connections.Binding
{
    /// <summary>Copies free-form input (metadata) into plain dictionaries and lists that serialize as JSON.</summary>
    internal static class PlainValues
    {
        public static Dictionary<string, object?> From(IDictionary map)
        {
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in map)
            {
                result[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = From(entry.Value);
            }
            return result;
        }

        public static object? From(object? value) => value switch
        {
            null => null,
            string text => text,
            IDictionary map => From(map),
            IEnumerable sequence => FromSequence(sequence),
            _ => value,
        };

        private static List<object?> FromSequence(IEnumerable sequence)
        {
            var list = new List<object?>();
            foreach (var item in sequence) list.Add(From(item));
            return list;
        }
    }
}
