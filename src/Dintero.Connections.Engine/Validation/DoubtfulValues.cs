using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Dintero.Connections.Models;

namespace Dintero.Connections.Validation
{
    /// <summary>
    /// Values Dintero's schema leaves free but that would certainly stall onboarding: an e-mail address without '@'
    /// (where Dintero sends the signing link), a URL that is not an absolute http(s) address (a payment site, terms,
    /// a website). Said as warnings naming the field, never refused: Dintero documents these as free text, and its own
    /// examples hold "&lt;string&gt;" there. The value itself is not repeated: an e-mail address is personal.
    /// </summary>
    public static class DoubtfulValues
    {
        private const int MaxDepth = 8;

        /// <summary>Every doubtful value of the model, under its JSON path below <paramref name="root"/>.</summary>
        public static IReadOnlyList<ValidationProblem> Of(DinteroModel model, string root)
        {
            var found = new List<ValidationProblem>();
            // The path so far as its parts (".applicant", "[0]"), joined only for a doubt: most signups have none.
            var path = new List<string>(MaxDepth * 2) { root };
            Walk(model, path, found, 0);
            return found;
        }

        private static void Walk(object? node, List<string> path, List<ValidationProblem> found, int depth)
        {
            if (node == null || depth > MaxDepth) return;
            if (node is DinteroModel model)
            {
                // Only the fields that can hold a doubt, and those that lead to more.
                foreach (var field in FieldsOf(model.GetType()))
                {
                    var value = field.Property.GetValue(model);
                    if (value == null) continue;
                    path.Add(field.Segment);
                    if (field.Shape == FieldShape.Nested) { if (Walked(value)) Walk(value, path, found, depth + 1); }
                    else if (value is string text) Check(field.Shape, text, path, found);
                    path.RemoveAt(path.Count - 1);
                }
            }
            else if (node is IList list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    var item = list[i];
                    if (!Walked(item)) continue;
                    path.Add(Index(i));
                    Walk(item, path, found, depth + 1);
                    path.RemoveAt(path.Count - 1);
                }
            }
        }

        private static readonly string[] Indexes = Enumerable.Range(0, 32).Select(i => $"[{i}]").ToArray();

        private static string Index(int i) => i < Indexes.Length ? Indexes[i] : $"[{i}]";

        // Whether a value can hold a doubt further down: a model, or a list of them (not text, not a free dictionary).
        private static bool Walked(object? value) => value is DinteroModel || (value is IList && !(value is IDictionary) && !(value is IEnumerable<string>));

        private enum FieldShape
        {
            Email,
            Url,
            Nested,
        }

        private sealed class Field
        {
            public Field(PropertyInfo property, FieldShape shape)
            {
                Property = property;
                Shape = shape;
                Segment = "." + property.Name;
            }

            public PropertyInfo Property { get; }

            /// <summary>The field's part of a path, made once.</summary>
            public string Segment { get; }

            public FieldShape Shape { get; }
        }

        // Per model type, once: a signup is checked on every row, and reflection over its type is the same each time.
        private static readonly ConcurrentDictionary<Type, Field[]> Fields = new ConcurrentDictionary<Type, Field[]>();

        private static Field[] FieldsOf(Type type) => Fields.GetOrAdd(type, model => model.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && !LocalFieldAttribute.IsOn(p))
            .Select(p => p.PropertyType == typeof(string)
                ? p.Name.EndsWith("email", StringComparison.OrdinalIgnoreCase) ? new Field(p, FieldShape.Email)
                : p.Name.EndsWith("_url", StringComparison.OrdinalIgnoreCase) || p.Name.Equals("website", StringComparison.OrdinalIgnoreCase) ? new Field(p, FieldShape.Url) : null
                : p.PropertyType.IsValueType ? null : new Field(p, FieldShape.Nested))
            .Where(field => field != null)
            .Select(field => field!)
            .ToArray());

        private static void Check(FieldShape shape, string text, List<string> path, List<ValidationProblem> found)
        {
            var value = text.Trim();
            if (value.Length == 0) return;
            if (shape == FieldShape.Email)
            {
                var at = value.IndexOf('@');
                if (at <= 0 || at == value.Length - 1 || value.IndexOf('@', at + 1) >= 0 || HasWhiteSpace(value))
                {
                    found.Add(new ValidationProblem(string.Concat(path), "does not look like an e-mail address (one '@' between a name and a domain, no spaces); Dintero sends mail there, such as the signing link."));
                }
            }
            else
            {
                if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Host.IndexOf('.') < 0 && !uri.IsLoopback)
                {
                    found.Add(new ValidationProblem(string.Concat(path), $"'{Shorten(value)}' is not an absolute http(s) address such as https://shop.example; Dintero's reviewers open it."));
                }
            }
        }

        private static bool HasWhiteSpace(string value)
        {
            foreach (var c in value) if (char.IsWhiteSpace(c)) return true;
            return false;
        }

        private static string Shorten(string value) => value.Length <= 60 ? value : value.Substring(0, 57) + "...";
    }
}
