using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Management.Automation;

namespace Dintero.Connections.Requests
{
    /// <summary>How Invoke-DinteroRequest writes an answer: as PSCustomObjects (ConvertFrom-Json's shape), ordered hashtables, or JSON text.</summary>
    internal enum ResponseShape
    {
        Objects,
        Hashtables,
        Json,
    }

    /// <summary>
    /// Turns the engine's plain values (<see cref="DinteroResponse.Content"/>) into what PowerShell users expect from
    /// Invoke-RestMethod: a list answer is written item by item, an object as a PSCustomObject (or with -AsHashtable an
    /// ordered, case-insensitive dictionary), in Dintero's field order. Credentials stay <see cref="Models.DinteroSecret"/>.
    /// </summary>
    internal static class ResponseObjects
    {
        /// <summary>What the answer writes to the output, in order.</summary>
        public static IEnumerable<object?> Of(DinteroResponse response, ResponseShape shape)
        {
            if (shape == ResponseShape.Json)
            {
                if (response.Json.Length > 0) yield return response.Json;
                yield break;
            }
            if (response.Content == null) yield break;
            if (response.Content is IList list)
            {
                foreach (var item in list) yield return Convert(item, shape);
                yield break;
            }
            yield return Convert(response.Content, shape);
        }

        private static object? Convert(object? value, ResponseShape shape)
        {
            switch (value)
            {
                case IDictionary<string, object?> map when shape == ResponseShape.Hashtables:
                    var table = new OrderedDictionary(map.Count, StringComparer.OrdinalIgnoreCase);
                    foreach (var pair in map)
                    {
                        // JSON allows names that differ in case only; the first one is kept, as ConvertFrom-Json -AsHashtable would fail.
                        if (!table.Contains(pair.Key)) table[pair.Key] = Convert(pair.Value, shape);
                    }
                    return table;
                case IDictionary<string, object?> map:
                    var custom = new PSObject();
                    foreach (var pair in map)
                    {
                        if (custom.Properties[pair.Key] == null) custom.Properties.Add(new PSNoteProperty(pair.Key, Convert(pair.Value, shape)));
                    }
                    return custom;
                case IList list:
                    var items = new object?[list.Count];
                    for (var i = 0; i < items.Length; i++) items[i] = Convert(list[i], shape);
                    return items;
                default:
                    return value;
            }
        }
    }
}
