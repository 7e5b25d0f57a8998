using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dintero.Connections.Json;
using Dintero.Connections.Models;

namespace Dintero.Connections.Rows
{
    /// <summary>
    /// A record given as input, as the flat columns a sheet has (dotted keys, list indexes, list items joined with ';'),
    /// with its personal numbers (social security and bank account numbers, by their column or by their shape) held as <see cref="DinteroSecret"/>: they
    /// print as *** in every view, Export-Csv, ConvertTo-Json and Get-Error, and a later run given the record back binds
    /// their plain text. What a report row carries of its input, and what a failed record's error holds as its target.
    /// </summary>
    public static class RecordColumns
    {
        /// <summary>The fields whose values are personal numbers, wherever they are nested.</summary>
        public static readonly IReadOnlyList<string> PersonalFields = new[] { "social_security_number", "account_number", "bank_account_number" };

        /// <summary>
        /// The input as flat columns: a sheet's row as it is, a hashtable's nesting as dotted keys (<c>revenue.currency</c>,
        /// <c>payment_options[0].type</c>), a list of plain values joined with ';'; JSON text and typed models as their
        /// JSON. Nothing for input that is none of these (a string that is not JSON, a number).
        /// </summary>
        public static IEnumerable<KeyValuePair<string, object?>> Of(object? plainInput)
        {
            var map = plainInput switch
            {
                IDictionary dictionary => dictionary,
                string json when json.TrimStart().StartsWith("{", StringComparison.Ordinal) => SafeParse(json) as IDictionary,
                DinteroModel model => SafeParse(DinteroJson.Serialize(model)) as IDictionary,
                _ => null,
            };
            if (map == null) yield break;
            foreach (DictionaryEntry entry in map)
            {
                foreach (var cell in Flatten(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty, entry.Value)) yield return cell;
            }
        }

        /// <summary>Whether a column (a dotted key) holds a personal number: its last name is one of <see cref="PersonalFields"/>.</summary>
        public static bool IsPersonal(string column)
        {
            var end = column.Length;
            while (end > 0 && column[end - 1] == ']')
            {
                var open = column.LastIndexOf('[', end - 1);
                if (open < 0) break;
                end = open;
            }
            var start = column.LastIndexOf('.', Math.Max(0, end - 1)) + 1;
            var name = column.Substring(start, end - start).Trim();
            return PersonalFields.Contains(name, Validation.FieldNameComparer.Instance);
        }

        private static object? SafeParse(string json)
        {
            try
            {
                return DinteroJson.ParsePlain(json);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        // A personal number is held masked in its own column, and in any other that holds something of its shape: a number
        // typed into the wrong column (a bank account number as country_code) is still one.
        private static KeyValuePair<string, object?> Cell(string name, object? value) =>
            new KeyValuePair<string, object?>(name, value is string text && text.Length > 0 && (IsPersonal(name) || HasPersonalShape(text)) ? new DinteroSecret(text) : value);

        private static bool HasPersonalShape(string text) =>
            !string.Equals(Redaction.Redactor.Shapes.Redact(text), text, StringComparison.Ordinal);

        private static IEnumerable<KeyValuePair<string, object?>> Flatten(string key, object? value)
        {
            switch (value)
            {
                case null:
                case string _:
                case DinteroSecret _:
                    yield return Cell(key, value);
                    break;
                case IDictionary nested:
                    foreach (DictionaryEntry entry in nested)
                    {
                        foreach (var cell in Flatten(key + "." + Convert.ToString(entry.Key, CultureInfo.InvariantCulture), entry.Value)) yield return cell;
                    }
                    break;
                case IEnumerable list:
                    var items = list.Cast<object?>().ToList();
                    if (items.All(item => !(item is IDictionary) && !(item is IList)))
                    {
                        yield return Cell(key, string.Join(";", items.Select(Text)));
                        break;
                    }
                    for (var i = 0; i < items.Count; i++)
                    {
                        foreach (var cell in Flatten($"{key}[{i}]", items[i])) yield return cell;
                    }
                    break;
                default:
                    yield return Cell(key, IsPersonal(key) ? Text(value) : value);
                    break;
            }
        }

        private static string Text(object? value) => value switch
        {
            null => string.Empty,
            bool flag => flag ? "true" : "false",
            DinteroSecret secret => secret.GetPlainText(),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
    }
}
