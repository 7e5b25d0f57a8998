using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Linq;
using Dintero.Connections.Binding;
using Dintero.Connections.Errors;
using Dintero.Connections.Json;
using Dintero.Connections.Models;
using Dintero.Connections.Parameters;
using Dintero.Connections.Rows;

namespace Dintero.Connections.Templates
{
    /// <summary>
    /// A kind's template: the one row of a sheet a partner fills in, <c>account_id</c> first and then a column for every
    /// field the kind's cmdlet takes, each holding an example value (<see cref="ExampleValues"/>). The columns are the
    /// model's, found by reflection over the fields the binder reads (<see cref="ModelFields"/>) and named as
    /// <see cref="RecordColumns"/> names a record's (dotted paths, the first list item as [0], a list of plain values as
    /// one cell joined with ';'), so a new field of a model is a new column without a word here. Left out:
    /// <list type="bullet">
    /// <item>moments (created_at, callback_at): the signup models' only fields Dintero sets itself, when it stores a
    /// signup; Dintero's request schemas hold none (the answers' stored signups add them);</item>
    /// <item>what the kind's own check refuses (Bambora takes no applicant's name or e-mail, no personal numbers, no
    /// estimated shares): the check is run on the full example, and the columns of the fields it refuses are dropped, so
    /// the kind's rules stay written once, in its check.</item>
    /// </list>
    /// What is left binds without a problem and passes the check, or the template is not made (a bug of the example table).
    /// </summary>
    public static class SignupTemplate
    {
        private const int MaxDepth = 8;

        /// <summary>The kind's template row: column names and example cells, in order.</summary>
        /// <exception cref="InvalidOperationException">A model has a field no example is known for, or the example does not pass: a bug.</exception>
        public static IReadOnlyList<KeyValuePair<string, string>> Row(TemplateKind kind)
        {
            var columns = Columns(kind);
            var refused = kind.Refusals(Bind(kind, columns));
            if (refused.Count == 0) return columns;
            var unplaced = refused.Where(problem => !columns.Any(column => Touches(kind.Root, column.Key, problem.Path))).ToList();
            var kept = columns.Where(column => column.Key == AccountIdNames.Column || !refused.Any(problem => Touches(kind.Root, column.Key, problem.Path))).ToList();
            var left = unplaced.Concat(kind.Refusals(Bind(kind, kept))).ToList();
            if (left.Count > 0) throw new InvalidOperationException($"The {kind.Name} template does not pass the kind's check: {string.Join("; ", left)}");
            return kept;
        }

        /// <summary>A row as Import-Csv gives it: every cell text, in the columns' order.</summary>
        public static IDictionary Sheet(IEnumerable<KeyValuePair<string, string>> row)
        {
            var sheet = new OrderedDictionary(StringComparer.Ordinal);
            foreach (var cell in row) sheet[cell.Key] = cell.Value;
            return sheet;
        }

        /// <summary>Every column of the kind's model with its example, before the kind's check: <c>account_id</c> first.</summary>
        internal static List<KeyValuePair<string, string>> Columns(TemplateKind kind)
        {
            var row = new List<KeyValuePair<string, string>> { new KeyValuePair<string, string>(AccountIdNames.Column, ExampleValues.AccountId) };
            if (kind.ModelType == null) return row;
            var example = Example(kind, kind.ModelType, 0);
            if (kind.Layout == TemplateLayout.Parameters)
            {
                // A parameter takes a nested model as a hashtable or JSON text; a sheet's cell can only be the text.
                foreach (DictionaryEntry field in example)
                {
                    var cell = field.Value switch
                    {
                        string text => text,
                        List<string> items => string.Join(";", items),
                        IDictionary nested => DinteroJson.Serialize(PlainValues.From(nested)),
                        // The binder reads JSON text as one object: a list of them has no cell of its own.
                        _ => throw new InvalidOperationException($"{kind.ModelType.Name}.{field.Key} is a list of models: a parameter's cell cannot hold it."),
                    };
                    row.Add(new KeyValuePair<string, string>((string)field.Key, cell));
                }
                return row;
            }
            row.AddRange(RecordColumns.Of(example).Select(cell => new KeyValuePair<string, string>(cell.Key, Text(cell.Value))));
            return row;
        }

        // The model's example as plain values (text, lists, dictionaries), in the order the model declares its fields.
        private static OrderedDictionary Example(TemplateKind kind, Type model, int depth)
        {
            if (depth > MaxDepth) throw new InvalidOperationException($"{model.Name} nests more than {MaxDepth} models deep: a sheet has no columns for it.");
            var node = new OrderedDictionary(StringComparer.Ordinal);
            foreach (var field in ModelFields.Of(model).Properties)
            {
                var type = Nullable.GetUnderlyingType(field.PropertyType) ?? field.PropertyType;
                // Dintero's stamps (created_at, callback_at): when it stored the signup, never part of one.
                if (type == typeof(DateTimeOffset)) continue;
                var item = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;
                if (IsPlain(type)) node[field.Name] = ExampleValues.For(kind, model, field, type);
                else if (item != null && IsPlain(item)) node[field.Name] = Cells.Split(ExampleValues.For(kind, model, field, item)).ToList();
                else if (item != null && ModelFields.IsModel(item)) node[field.Name] = new List<object?> { Example(kind, item, depth + 1) };
                else if (ModelFields.IsModel(type)) node[field.Name] = Example(kind, type, depth + 1);
                else throw new InvalidOperationException($"{model.Name}.{field.Name} is a {type.Name}: a sheet has no column for it.");
            }
            return node;
        }

        // What a cell of a sheet holds as one value: text, a yes/no, a number (the binder converts each from text).
        private static bool IsPlain(Type type) =>
            type == typeof(string) || type == typeof(DinteroSecret) || type == typeof(bool) || type == typeof(decimal) || type == typeof(long);

        // The row bound as the kind's cmdlet binds it; a template the binder refuses, or with a column it ignores, is a bug.
        private static DinteroModel? Bind(TemplateKind kind, IEnumerable<KeyValuePair<string, string>> columns)
        {
            try
            {
                var (model, ignored) = kind.Bind(Sheet(columns));
                if (ignored.Count > 0) throw new InvalidOperationException($"The binder ignores the {kind.Name} template's columns {string.Join(", ", ignored)}.");
                return model;
            }
            catch (DinteroValidationException refused)
            {
                throw new InvalidOperationException($"The binder refuses the {kind.Name} template: {string.Join("; ", refused.Problems)}", refused);
            }
        }

        // Whether a problem at path (signup.revenue.estimated_percentage_per_payment_type) is about the column
        // (revenue.estimated_percentage_per_payment_type[0].type): the same field, one inside it, or one it is inside.
        private static bool Touches(string root, string column, string path)
        {
            var field = root + "." + column;
            return field == path || Inside(field, path) || Inside(path, field);
        }

        private static bool Inside(string inner, string outer) =>
            inner.Length > outer.Length && inner.StartsWith(outer, StringComparison.Ordinal) && (inner[outer.Length] == '.' || inner[outer.Length] == '[');

        // A personal number comes back from RecordColumns masked, for reports: a template's example is shown as it is.
        private static string Text(object? value) => value switch
        {
            null => string.Empty,
            DinteroSecret secret => secret.GetPlainText(),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
    }
}
