using System;
using System.Collections;
using System.Collections.Concurrent;
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

        // Every row of a sheet has the same column names: each is parsed once. Bounded, since keys are the user's.
        private static readonly ConcurrentDictionary<string, KeySegment[]> Parsed = new ConcurrentDictionary<string, KeySegment[]>(StringComparer.Ordinal);
        private const int MaxParsed = 4096;

        /// <summary>The first segment of a dotted key: <c>revenue</c> of <c>revenue.currency</c>, <c>payment_options</c> of <c>payment_options[0].type</c>.</summary>
        public static string Head(string key)
        {
            var end = key.IndexOfAny(new[] { '.', '[' });
            return end < 0 ? key : key.Substring(0, end);
        }

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
            var root = NewMap();
            foreach (DictionaryEntry entry in source)
            {
                var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                var at = new KeyPath(path, key);
                var segments = SegmentsOf(key);
                if (segments.Length <= 1)
                {
                    Merge(root, key, entry.Value, at, problems);
                    continue;
                }
                object? container = root;
                for (var i = 0; i < segments.Length && container != null; i++)
                {
                    var last = i == segments.Length - 1;
                    var next = last ? entry.Value : NewContainerFor(segments[i + 1]);
                    container = segments[i].IsIndex
                        ? IntoList(container, segments[i].Index, next, last, at, problems)
                        : IntoMap(container, segments[i].Name!, next, last, at, problems);
                }
            }
            return root;
        }

        private static KeySegment[] SegmentsOf(string key)
        {
            if (Parsed.TryGetValue(key, out var known)) return known;
            var matches = Segment.Matches(key);
            var segments = new KeySegment[matches.Count];
            for (var i = 0; i < matches.Count; i++)
            {
                var match = matches[i];
                segments[i] = match.Groups[2].Success
                    ? new KeySegment(null, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
                    : new KeySegment(match.Groups[1].Value, -1);
            }
            if (Parsed.Count < MaxParsed) Parsed.TryAdd(key, segments);
            return segments;
        }

        private static Dictionary<string, object?> NewMap() => new Dictionary<string, object?>(FieldNameComparer.Instance);

        private static object NewContainerFor(KeySegment segment) => segment.IsIndex ? new List<object?>() : (object)NewMap();

        private static object? IntoMap(object container, string name, object? value, bool last, KeyPath at, ProblemCollector problems)
        {
            if (!(container is Dictionary<string, object?> map))
            {
                problems.Add(at.ToString(), "mixes a list index and a field name at the same place.");
                return null;
            }
            if (last)
            {
                Merge(map, name, value, at, problems);
                return null;
            }
            if (!map.TryGetValue(name, out var existing))
            {
                map[name] = value;
                return value;
            }
            switch (existing)
            {
                case null:
                    map[name] = value;
                    return value;
                case Dictionary<string, object?> nested:
                    return nested;
                case List<object?> list:
                    return list;
                case IDictionary given:
                    // A hashtable given for the same field: copy it so dotted keys can be merged into it.
                    var copy = NewMap();
                    foreach (DictionaryEntry entry in given) copy[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = entry.Value;
                    map[name] = copy;
                    return copy;
                default:
                    problems.Add(at.ToString(), $"clashes with the value given for '{KeyAsGiven(map, name)}'.");
                    return null;
            }
        }

        private static object? IntoList(object container, int index, object? value, bool last, KeyPath at, ProblemCollector problems)
        {
            if (!(container is List<object?> list))
            {
                problems.Add(at.ToString(), "uses a list index where a field is expected.");
                return null;
            }
            while (list.Count <= index) list.Add(null);
            if (last || list[index] == null) list[index] = value;
            return list[index];
        }

        private static void Merge(Dictionary<string, object?> map, string key, object? value, KeyPath at, ProblemCollector problems)
        {
            if (!map.TryGetValue(key, out var existing))
            {
                map[key] = value;
            }
            else if (existing is Dictionary<string, object?> nested && value is IDictionary given)
            {
                foreach (DictionaryEntry entry in given) Merge(nested, Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty, entry.Value, at, problems);
            }
            else
            {
                problems.Add(at.ToString(), $"is given twice (also as '{KeyAsGiven(map, key)}').");
            }
        }

        // The key as it was first written (the map matches keys without regard to case or separators); error path only.
        private static string KeyAsGiven(Dictionary<string, object?> map, string key)
        {
            foreach (var candidate in map.Keys)
            {
                if (FieldNameComparer.Instance.Equals(candidate, key)) return candidate;
            }
            return key;
        }

        /// <summary>One part of a dotted key: a field name, or a list index.</summary>
        private readonly struct KeySegment
        {
            public KeySegment(string? name, int index)
            {
                Name = name;
                Index = index;
            }

            public string? Name { get; }

            public int Index { get; }

            public bool IsIndex => Name == null;
        }

        /// <summary>Where a key's problems are reported, built only when there is one.</summary>
        private readonly struct KeyPath
        {
            private readonly string path;
            private readonly string key;

            public KeyPath(string path, string key)
            {
                this.path = path;
                this.key = key;
            }

            public override string ToString() => path + "." + key;
        }
    }
}
