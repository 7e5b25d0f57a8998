using System;
using System.Collections;
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
            Walk(model, root, found, 0);
            return found;
        }

        private static void Walk(object? node, string path, List<ValidationProblem> found, int depth)
        {
            if (node == null || depth > MaxDepth) return;
            if (node is DinteroModel model)
            {
                foreach (var property in model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && !LocalFieldAttribute.IsOn(p)))
                {
                    var value = property.GetValue(model);
                    var at = path + "." + property.Name;
                    if (value is string text) Check(property.Name, text, at, found);
                    else Walk(value, at, found, depth + 1);
                }
            }
            else if (node is IEnumerable list && !(node is string) && !(node is IDictionary))
            {
                var i = 0;
                foreach (var item in list) Walk(item, $"{path}[{i++}]", found, depth + 1);
            }
        }

        private static void Check(string field, string text, string path, List<ValidationProblem> found)
        {
            var value = text.Trim();
            if (value.Length == 0) return;
            if (field.EndsWith("email", StringComparison.OrdinalIgnoreCase))
            {
                var at = value.IndexOf('@');
                if (at <= 0 || at == value.Length - 1 || value.IndexOf('@', at + 1) >= 0 || value.Any(char.IsWhiteSpace))
                {
                    found.Add(new ValidationProblem(path, "does not look like an e-mail address (one '@' between a name and a domain, no spaces); Dintero sends mail there, such as the signing link."));
                }
            }
            else if (field.EndsWith("_url", StringComparison.OrdinalIgnoreCase) || field.Equals("website", StringComparison.OrdinalIgnoreCase))
            {
                if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Host.IndexOf('.') < 0 && !uri.IsLoopback)
                {
                    found.Add(new ValidationProblem(path, $"'{Shorten(value)}' is not an absolute http(s) address such as https://shop.example; Dintero's reviewers open it."));
                }
            }
        }

        private static string Shorten(string value) => value.Length <= 60 ? value : value.Substring(0, 57) + "...";
    }
}
