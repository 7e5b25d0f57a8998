using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using Dintero.Connections.Errors;
using Dintero.Connections.Json;
using Dintero.Connections.Models;
using Dintero.Connections.Redaction;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Binding
{
    /// <summary>
    /// A field's value as the models hold it, from what PowerShell gives (a CSV cell's text, a number, a boolean, a
    /// SecureString unwrapped): text, a secret, a boolean (true/yes/1 ...), a number, a moment. The binder's walk
    /// (<see cref="InputBinder"/>) calls these at its leaves; a value that does not convert is a problem at its path.
    /// </summary>
    internal static class FieldValues
    {
        private static readonly string[] TrueWords = { "true", "yes", "y", "1", "$true", "on" };

        private static readonly string[] FalseWords = { "false", "no", "n", "0", "$false", "off" };

        // A secret given as text (or a SecureString's plain text, already unwrapped) is held masked from here on.
        internal static bool ToSecret(object value, string path, ProblemCollector problems, out object? result)
        {
            if (value is DinteroSecret secret)
            {
                result = secret;
                return true;
            }
            result = null;
            // A secret is taken as given, spaces and all: trimming would change it without a word.
            if (value is string given)
            {
                var masked = Rows.SheetShape.MaskProblem(given.Trim());
                if (masked != null)
                {
                    problems.Add(path, masked);
                    return false;
                }
                result = new DinteroSecret(given);
                return true;
            }
            if (!ToText(value, path, problems, out var text)) return false;
            result = new DinteroSecret((string)text!);
            return true;
        }

        internal static bool ToText(object value, string path, ProblemCollector problems, out object? result)
        {
            // A personal number a report or an error's target holds masked (a row given back as input) is its text.
            if (value is DinteroSecret wrapped) value = wrapped.GetPlainText();
            switch (value)
            {
                case string text:
                    if (!Cells.Text(text, out var cell, out var problem))
                    {
                        result = null;
                        problems.Add(path, problem!);
                        return false;
                    }
                    result = cell;
                    return true;
                case bool flag: result = flag ? "true" : "false"; return true;
                case DateTime date:
                    // A [datetime] for a date field such as date_of_birth means the day.
                    result = date.TimeOfDay == TimeSpan.Zero
                        ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                        : UtcDateTimeOffsetConverter.Format(new DateTimeOffset(date.ToUniversalTime(), TimeSpan.Zero));
                    return true;
                case DateTimeOffset moment: result = UtcDateTimeOffsetConverter.Format(moment); return true;
                case IDictionary map when map.Count == 1 && map.Contains(nameof(DinteroSecret.Masked)):
                    // A report written by ConvertTo-Json and read back: the secret's only property.
                    result = null;
                    problems.Add(path, Rows.SheetShape.MaskProblem(DinteroSecret.Mask)!);
                    return false;
                case IDictionary _:
                case IList _:
                    result = null;
                    problems.Add(path, $"is {Describe(value)}; expected text.");
                    return false;
                default:
                    if (IsNumber(value) || value is Guid || value is char || value is Enum)
                    {
                        result = Convert.ToString(value, CultureInfo.InvariantCulture);
                        return true;
                    }
                    result = null;
                    problems.Add(path, $"is {Describe(value)}; expected text.");
                    return false;
            }
        }

        internal static bool ToBoolean(object value, string path, ProblemCollector problems, out object? result)
        {
            result = null;
            if (value is bool flag)
            {
                result = flag;
                return true;
            }
            if (IsNumber(value) && !(value is float) && !(value is double) && !(value is decimal))
            {
                var number = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                if (number == 0 || number == 1)
                {
                    result = number == 1;
                    return true;
                }
            }
            if (value is string text)
            {
                var word = text.Trim().ToLowerInvariant();
                if (TrueWords.Contains(word)) result = true;
                else if (FalseWords.Contains(word)) result = false;
                if (result != null) return true;
            }
            problems.Add(path, $"{Quote(value)} is not a boolean; accepted: true, false, yes, no, 1, 0.");
            return false;
        }

        internal static bool ToNumber(Type type, object value, string path, ProblemCollector problems, out object? result)
        {
            result = null;
            decimal number;
            if (IsNumber(value))
            {
                try
                {
                    number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                }
                catch (OverflowException)
                {
                    problems.Add(path, $"{Quote(value)} is too large a number.");
                    return false;
                }
            }
            else if (!(value is string text) || !decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number))
            {
                problems.Add(path, $"{Quote(value)} is not a number; expected digits with an optional '.' for decimals, e.g. 25 or 12.5.");
                return false;
            }
            if (type == typeof(long))
            {
                if (number != decimal.Truncate(number) || number > long.MaxValue || number < long.MinValue)
                {
                    problems.Add(path, $"{Quote(value)} is not a whole number.");
                    return false;
                }
                result = (long)number;
                return true;
            }
            result = number;
            return true;
        }

        internal static bool ToMoment(object value, string path, ProblemCollector problems, out object? result)
        {
            result = null;
            switch (value)
            {
                case DateTimeOffset moment: result = moment; return true;
                case DateTime date: result = new DateTimeOffset(date.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(date, DateTimeKind.Utc) : date); return true;
                case string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed):
                    result = parsed;
                    return true;
                default:
                    problems.Add(path, $"{Quote(value)} is not a date and time; expected ISO 8601, e.g. 2023-11-07T05:31:56Z.");
                    return false;
            }
        }

        internal static bool IsNumber(object value) =>
            value is byte || value is sbyte || value is short || value is ushort || value is int || value is uint
            || value is long || value is ulong || value is float || value is double || value is decimal;

        // Values are quoted in messages only in short, redacted form: a mistyped field may hold personal data.
        internal static string Quote(object value)
        {
            var text = Redactor.Shapes.Redact(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
            return "'" + (text.Length > 40 ? text.Substring(0, 40) + "…" : text) + "'";
        }

        internal static string Describe(object value) => value switch
        {
            string text => $"the text {Quote(text)}",
            IDictionary _ => "a hashtable",
            IList _ => "a list",
            _ when IsNumber(value) => $"the number {Quote(value)}",
            bool flag => flag ? "$true" : "$false",
            _ => $"a {value.GetType().Name}",
        };
    }
}
