using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Dintero.Connections.Errors;
using Dintero.Connections.Json;
using Dintero.Connections.Models;
using Dintero.Connections.Redaction;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Binding
{
    /// <summary>
    /// Maps what a PowerShell user gives (a hashtable, an ordered dictionary, nested arrays, an <c>Import-Csv</c>
    /// row with dotted column names, JSON text, or a typed model) onto a model, converting loose values the way
    /// a user expects ('true', 1 and $true are all true; '25' is 25; one value where a list is expected is a list
    /// of one). Anything else is reported with its JSON path, and an unknown key names the nearest valid key.
    /// </summary>
    /// <remarks>PowerShell objects are unwrapped to plain dictionaries and lists by the cmdlet layer first.</remarks>
    public static class InputBinder
    {

        /// <summary>Binds <paramref name="input"/> onto <typeparamref name="T"/> strictly, or throws with every problem found.</summary>
        /// <param name="input">A hashtable, ordered dictionary, PSCustomObject unwrapped to a dictionary, JSON text or typed model.</param>
        /// <param name="what">How the input is named in the error, e.g. "The company".</param>
        /// <param name="root">The JSON path of the input, e.g. <c>company</c>.</param>
        public static T Bind<T>(object? input, string what, string root) where T : DinteroModel, new()
        {
            var problems = new ProblemCollector();
            var result = Bind(typeof(T), input, root, problems, topLevel: null);
            if (problems.Problems.Count > 0) throw new DinteroValidationException(what, problems.Problems);
            return (T)result!;
        }

        /// <summary>
        /// Binds a cmdlet's input object (a hashtable, an <c>Import-Csv</c> row of a master sheet, JSON) onto
        /// <typeparamref name="T"/>. Its top-level keys may also name the cmdlet's parameters (returned apart), or
        /// be columns meant for another cmdlet (ignored, and named in <see cref="BoundInput{T}.IgnoredKeys"/>);
        /// a key close to a real field ('stor_type') is still refused with "did you mean", and nested keys are strict.
        /// </summary>
        /// <param name="input">As for <see cref="Bind{T}"/>.</param>
        /// <param name="what">How the input is named in the error, e.g. "The Common signup".</param>
        /// <param name="root">The JSON path of the input, e.g. <c>signup</c>.</param>
        /// <param name="parameterKeys">Each name or alias of the cmdlet's parameters, mapped to the parameter's name.</param>
        /// <param name="quietKeys">Top-level keys dropped without a word: columns the cmdlet knows are no field (a signup report's own, when a report is run again).</param>
        public static BoundInput<T> BindInput<T>(object? input, string what, string root, IReadOnlyDictionary<string, string> parameterKeys, IEnumerable<string>? quietKeys = null) where T : DinteroModel, new()
        {
            var problems = new ProblemCollector();
            var topLevel = new TopLevelKeys(parameterKeys, quietKeys);
            var result = Bind(typeof(T), input, root, problems, topLevel);
            if (problems.Problems.Count > 0) throw new DinteroValidationException(what, problems.Problems);
            return new BoundInput<T>((T)result!, topLevel.ParameterValues, topLevel.IgnoredKeys);
        }

        private static object? Bind(Type modelType, object? input, string path, ProblemCollector problems, TopLevelKeys? topLevel)
        {
            switch (input)
            {
                case null:
                    problems.Add(path, "is empty: give a hashtable, an object or JSON text.");
                    return null;
                case string text:
                    var trimmed = text.TrimStart();
                    if (!trimmed.StartsWith("{", StringComparison.Ordinal))
                    {
                        problems.Add(path, "is text that is not a JSON object: give a hashtable, an object or JSON text such as '{\"store_type\": [\"online\"]}'.");
                        return null;
                    }
                    object? parsed;
                    try
                    {
                        parsed = DinteroJson.ParsePlain(text);
                    }
                    catch (FormatException exception)
                    {
                        problems.Add(path, "is not valid JSON: " + Redactor.Shapes.Redact(exception.Message));
                        return null;
                    }
                    return Bind(modelType, parsed, path, problems, topLevel);
                case IDictionary map:
                    return BindObject(modelType, map, path, problems, topLevel);
                default:
                    if (modelType.IsInstanceOfType(input)) return input;
                    problems.Add(path, $"is {FieldValues.Describe(input)}; expected a hashtable, an object or JSON text with the fields {FieldList(modelType)}.");
                    return null;
            }
        }

        private static object BindObject(Type modelType, IDictionary source, string path, ProblemCollector problems, TopLevelKeys? topLevel)
        {
            var model = Activator.CreateInstance(modelType)!;
            var fields = ModelFields.Of(modelType);
            // A sheet read with the wrong delimiter is one column whose name is all the others: one problem says how to read it.
            if (topLevel != null && KeyHints.WrongDelimiter(source, fields, topLevel) is { } delimiter)
            {
                problems.Add(path, delimiter);
                return model;
            }
            if (DottedKeys.HasAny(source)) source = DottedKeys.Expand(source, path, problems);
            var seen = new Dictionary<PropertyInfo, string>();
            foreach (DictionaryEntry entry in source)
            {
                // A column's name is trimmed as its cells are (a header cell typed 'store_type ' in Excel).
                var key = (Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty).Trim();
                var property = fields.Find(key);
                if (property == null)
                {
                    // A key that names a parameter of the cmdlet is the parameter's: no suggestion is looked for.
                    if (topLevel != null && topLevel.ClaimParameter(key, entry.Value)) continue;
                    // A key the cmdlet said to drop (a report's own column, when a report is run again): not the input's.
                    if (topLevel != null && topLevel.IsQuiet(key)) continue;
                    if (Rows.SheetShape.EncodingProblem(key) is { } encoding)
                    {
                        problems.Add($"{path}.{key}", "The column's name " + encoding);
                        continue;
                    }
                    // At the top level, a near miss of a nested field ('yearly_revenu') is a typo too, not another cmdlet's column.
                    var nearest = Suggestions.Closest(key, fields.Names) ?? (topLevel == null ? null : KeyHints.NestedField(modelType, key));
                    if (topLevel != null && nearest == null) topLevel.IgnoredKeys.Add(key);
                    else problems.Add($"{path}.{key}", $"'{key}' is not a field here.{(nearest == null ? string.Empty : $" Did you mean '{nearest}'?")} Accepted: {FieldList(modelType)}.");
                    continue;
                }
                var fieldPath = $"{path}.{property.Name}";
                if (seen.TryGetValue(property, out var firstKey))
                {
                    problems.Add(fieldPath, $"is given twice, as '{firstKey}' and as '{key}'.");
                    continue;
                }
                seen[property] = key;
                if (TryConvert(property.PropertyType, entry.Value, fieldPath, problems, out var value)) property.SetValue(model, value);
            }
            return model;
        }

        private static bool TryConvert(Type target, object? value, string path, ProblemCollector problems, out object? result)
        {
            result = null;
            // An empty or blank cell of an Import-Csv row means "not given", for every kind of field.
            if (value == null || value is string empty && string.IsNullOrWhiteSpace(empty)) return true;
            var type = Nullable.GetUnderlyingType(target) ?? target;

            if (type == typeof(string)) return FieldValues.ToText(value, path, problems, out result);
            if (type == typeof(DinteroSecret)) return FieldValues.ToSecret(value, path, problems, out result);
            if (type == typeof(bool)) return FieldValues.ToBoolean(value, path, problems, out result);
            if (type == typeof(decimal) || type == typeof(long)) return FieldValues.ToNumber(type, value, path, problems, out result);
            if (type == typeof(DateTimeOffset)) return FieldValues.ToMoment(value, path, problems, out result);
            if (type == typeof(object))
            {
                result = PlainValues.From(value);
                return true;
            }
            if (type == typeof(Dictionary<string, object?>))
            {
                if (value is IDictionary map)
                {
                    result = PlainValues.From(map);
                    return true;
                }
                problems.Add(path, $"is {FieldValues.Describe(value)}; expected a hashtable of names and values.");
                return false;
            }
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>)) return ToList(type, value, path, problems, out result);
            if (ModelFields.IsModel(type))
            {
                var before = problems.Problems.Count;
                result = Bind(type, value, path, problems, topLevel: null);
                return problems.Problems.Count == before;
            }
            problems.Add(path, $"cannot be set from {FieldValues.Describe(value)}.");
            return false;
        }

        private static bool ToList(Type listType, object value, string path, ProblemCollector problems, out object? result)
        {
            var itemType = listType.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(listType)!;
            IEnumerable items;
            if (value is string text && itemType == typeof(string))
            {
                // A CSV cell holds a list as "online;instore" (or "NOK,SEK").
                items = Cells.Split(text).Where(item => item.Length > 0).ToList();
            }
            else if (value is IEnumerable sequence && !(value is string) && !(value is IDictionary))
            {
                items = sequence;
            }
            else
            {
                items = new[] { value };
            }
            var ok = true;
            var index = 0;
            foreach (var item in items)
            {
                var itemPath = $"{path}[{index++}]";
                // A sheet whose rows have different numbers of items leaves the extra items' cells empty: not given.
                if (item is IDictionary cells && AllEmpty(cells)) continue;
                if (item == null)
                {
                    problems.Add(itemPath, "is empty.");
                    ok = false;
                    continue;
                }
                if (TryConvert(itemType, item, itemPath, problems, out var converted)) list.Add(converted);
                else ok = false;
            }
            result = list;
            return ok;
        }

        private static bool AllEmpty(IDictionary map)
        {
            foreach (DictionaryEntry entry in map)
            {
                var empty = entry.Value == null || entry.Value is string text && text.Length == 0 || entry.Value is IDictionary nested && AllEmpty(nested);
                if (!empty) return false;
            }
            return true;
        }

        private static string FieldList(Type modelType) => string.Join(", ", ModelFields.Of(modelType).Names);
    }
}
