using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace Dintero.Connections.Validation
{
    /// <summary>
    /// Collects every problem of one input, each under its JSON path, so the user fixes them all in one go.
    /// Messages never repeat personal values (e-mail, phone, dates of birth): only what is wrong and what is accepted.
    /// </summary>
    internal sealed class ProblemCollector
    {
        // Every row of a sheet walks the same paths (signup.payment_options[0].type, ...): made once, not per row.
        private static readonly ConcurrentDictionary<(string Path, int Index), string> Items = new ConcurrentDictionary<(string, int), string>();
        private static readonly ConcurrentDictionary<(string Path, string Field), string> Fields = new ConcurrentDictionary<(string, string), string>();
        private const int MostPaths = 4096;

        /// <summary><paramref name="path"/>[<paramref name="index"/>], made once for the paths every row has.</summary>
        public static string Item(string path, int index) =>
            Items.TryGetValue((path, index), out var known) ? known : Items.Count < MostPaths ? Items.GetOrAdd((path, index), key => $"{key.Path}[{key.Index}]") : $"{path}[{index}]";

        /// <summary><paramref name="path"/>.<paramref name="field"/>, made once for the paths every row has.</summary>
        public static string Field(string path, string field) =>
            Fields.TryGetValue((path, field), out var known) ? known : Fields.Count < MostPaths ? Fields.GetOrAdd((path, field), key => key.Path + "." + key.Field) : path + "." + field;

        private static readonly Regex Currency = new Regex("^[A-Z]{3}$", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        private static readonly Regex Email = new Regex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        private static readonly Regex E164 = new Regex(@"^\+[1-9]\d{6,14}$", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        private static readonly Regex CompanyPhone = new Regex(@"^\+?\d{5,15}$", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        private static readonly Regex MerchantCategoryCode = new Regex(@"^\d{4}$", RegexOptions.CultureInvariant | RegexOptions.Compiled);

        private readonly List<ValidationProblem> problems = new List<ValidationProblem>();

        public IReadOnlyList<ValidationProblem> Problems => problems;

        // Masked by shape here, whatever a check echoes: a mistyped cell may hold a personal number (1234 56 78903).
        public void Add(string path, string message) => problems.Add(new ValidationProblem(path, Redaction.Redactor.Shapes.Redact(message)));

        public bool Required(object? value, string path, string what)
        {
            var missing = value == null
                || (value is string text && text.Trim().Length == 0)
                || (value is System.Collections.ICollection collection && collection.Count == 0);
            if (missing) Add(path, $"{what} is required.");
            return !missing;
        }

        public void OneOf(string? value, IReadOnlyList<string> accepted, string path, string what)
        {
            if (value == null || accepted.Contains(value, StringComparer.Ordinal)) return;
            Add(path, NotOneOf(value, accepted, what));
        }

        /// <summary>
        /// The accepted value <paramref name="value"/> names, whatever its case ('Enabled' is enabled); null, with the
        /// problem added, when it names none.
        /// </summary>
        public string? Named(string? value, IReadOnlyList<string> accepted, string path, string what)
        {
            var known = accepted.FirstOrDefault(candidate => string.Equals(candidate, value?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (known == null) Add(path, NotOneOf(value, accepted, what));
            return known;
        }

        /// <inheritdoc cref="Suggestions.NotOneOf"/>
        public static string NotOneOf(string? value, IReadOnlyList<string> accepted, string what) => Suggestions.NotOneOf(value, accepted, what);

        /// <summary>Throws every problem collected, under <paramref name="what"/> ("The merchant query"); nothing when there is none.</summary>
        public void ThrowIfAny(string what)
        {
            if (problems.Count > 0) throw new Errors.DinteroValidationException(what, problems);
        }

        public void CurrencyCode(string? value, string path)
        {
            if (value == null || Currency.IsMatch(value)) return;
            Add(path, $"'{value}' is not an ISO 4217 currency code: expected three capital letters, e.g. NOK, SEK, EUR.");
        }

        public void EmailAddress(string? value, string path)
        {
            if (value == null || Email.IsMatch(value)) return;
            Add(path, "is not an e-mail address: expected name@example.com.");
        }

        public void PhoneE164(string? value, string path)
        {
            if (value == null || E164.IsMatch(value)) return;
            Add(path, "is not an E.164 phone number: expected + and country code and number, 8 to 16 characters, e.g. +4799999999.");
        }

        public void CompanyPhoneNumber(string? value, string path)
        {
            if (value == null || CompanyPhone.IsMatch(value)) return;
            Add(path, "is not a phone number: expected an optional + and 5 to 15 digits, e.g. +4722334455.");
        }

        public void Date(string? value, string path)
        {
            if (value == null) return;
            var valid = value.Length == 10 && DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
            if (!valid) Add(path, "is not a date: expected YYYY-MM-DD, e.g. 1990-09-20.");
        }

        public void Percentage(decimal? value, string path)
        {
            if (value == null || (value >= 0 && value <= 100)) return;
            Add(path, $"{value.Value.ToString(CultureInfo.InvariantCulture)} is not a percentage: expected a number from 0 to 100.");
        }

        /// <summary>The schema's unanchored pattern <c>https?://</c>: the text holds http:// or https:// somewhere.</summary>
        public void HttpUrlInside(string? value, string path)
        {
            if (value == null || value.IndexOf("http://", StringComparison.Ordinal) >= 0 || value.IndexOf("https://", StringComparison.Ordinal) >= 0) return;
            Add(path, $"'{value}' is not a web address: expected one with http:// or https://.");
        }

        public void MaxLength(string? value, int most, string path)
        {
            if (value == null || value.Length <= most) return;
            Add(path, $"has {value.Length} characters; at most {most} are accepted.");
        }

        public void MerchantCategory(string? value, string path)
        {
            if (value == null || MerchantCategoryCode.IsMatch(value)) return;
            Add(path, $"'{value}' is not a merchant category code: expected four digits, e.g. 4722.");
        }

        public void NotAccepted(object? value, string path, string where)
        {
            if (value != null) Add(path, $"is not accepted by the {where}; remove it.");
        }

        /// <summary>Runs a check for each item of a list under its indexed path.</summary>
        public void Each<T>(IReadOnlyList<T>? items, string path, Action<T, string> check)
        {
            if (items == null) return;
            for (var index = 0; index < items.Count; index++)
            {
                var itemPath = Item(path, index);
                if (items[index] == null) Add(itemPath, "is empty.");
                else check(items[index], itemPath);
            }
        }
    }
}
