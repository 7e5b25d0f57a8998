using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Binding
{
    /// <summary>
    /// Turns flat keys such as <c>revenue.currency</c> and <c>payment_options[0].type</c> (CSV column names) into
    /// nested dictionaries and lists, so one <c>Import-Csv</c> row can describe a whole signup.
    /// </summary>
    internal static class DottedKeys
    {
        private static readonly Regex Segment = new Regex(@"([^.\[\]]+)|\[(\d+)\]", RegexOptions.CultureInvariant | RegexOptions.Compiled);

        public static bool HasAny(IDictionary source)
        {
            foreach (var key in source.Keys)
            {
                var text = Convert.ToString(key, CultureInfo.InvariantCulture) ?? string.Empty;
                if (text.IndexOf('.') >= 0 || text.IndexOf('[') >= 0) return true;
            }
            return false;
        }

        /// <summary>A copy of <paramref name="source"/> with dotted keys expanded; clashes are reported under <paramref name="path"/>.</summary>
        public static IDictionary Expand(IDictionary source, string path, ProblemCollector problems)
        {
            var root = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in source)
            {
                var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                var segments = Segment.Matches(key);
                if (segments.Count <= 1)
                {
                    Merge(root, key, entry.Value, $"{path}.{key}", problems);
                    continue;
                }
                object container = root;
                for (var i = 0; i < segments.Count; i++)
                {
                    var last = i == segments.Count - 1;
                    var segment = segments[i];
                    var next = last ? entry.Value : NewContainerFor(segments[i + 1]);
                    container = segment.Groups[2].Success
                        ? IntoList(container, int.Parse(segment.Groups[2].Value, CultureInfo.InvariantCulture), next, last, $"{path}.{key}", problems)
                        : IntoMap(container, segment.Groups[1].Value, next, last, $"{path}.{key}", problems);
                    if (container == null) break;
                }
            }
            return root;
        }

        private static object NewContainerFor(Match segment) =>
            segment.Groups[2].Success ? new List<object?>() : (object)new Dictionary<string, object?>(StringComparer.Ordinal);

        private static object IntoMap(object container, string name, object? value, bool last, string path, ProblemCollector problems)
        {
            if (!(container is Dictionary<string, object?> map))
            {
                problems.Add(path, "mixes a list index and a field name at the same place.");
                return null!;
            }
            if (last)
            {
                Merge(map, name, value, path, problems);
                return null!;
            }
            var existing = FindKey(map, name);
            if (existing == null)
            {
                map[name] = value;
                return value!;
            }
            switch (map[existing])
            {
                case null:
                    map[existing] = value;
                    return value!;
                case Dictionary<string, object?> nested:
                    return nested;
                case List<object?> list:
                    return list;
                case IDictionary given:
                    // A hashtable given for the same field: copy it so dotted keys can be merged into it.
                    var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (DictionaryEntry entry in given) copy[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = entry.Value;
                    map[existing] = copy;
                    return copy;
                default:
                    problems.Add(path, $"clashes with the value given for '{existing}'.");
                    return null!;
            }
        }

        private static object IntoList(object container, int index, object? value, bool last, string path, ProblemCollector problems)
        {
            if (!(container is List<object?> list))
            {
                problems.Add(path, "uses a list index where a field is expected.");
                return null!;
            }
            while (list.Count <= index) list.Add(null);
            if (last || list[index] == null) list[index] = value;
            return list[index]!;
        }

        private static void Merge(Dictionary<string, object?> map, string key, object? value, string path, ProblemCollector problems)
        {
            var existing = FindKey(map, key);
            if (existing == null)
            {
                map[key] = value;
            }
            else if (map[existing] is Dictionary<string, object?> nested && value is IDictionary given)
            {
                foreach (DictionaryEntry entry in given) Merge(nested, Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty, entry.Value, path, problems);
            }
            else
            {
                problems.Add(path, $"is given twice (also as '{existing}').");
            }
        }

        private static string? FindKey(Dictionary<string, object?> map, string key)
        {
            var normalized = Suggestions.Normalize(key);
            foreach (var candidate in map.Keys)
            {
                if (Suggestions.Normalize(candidate) == normalized) return candidate;
            }
            return null;
        }
    }
}
