using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Dintero.Connections.Redaction
{
    /// <summary>
    /// The one place every log line and exception message passes through before anyone sees it.
    /// It masks known secrets by value (the client secret, every token issued) and, by shape, whatever else
    /// must never be printed: credentials in <c>Authorization</c> headers, JWTs, the values of sensitive JSON
    /// fields, social security numbers, bank account numbers and IBANs.
    /// </summary>
    public sealed class Redactor
    {
        public const string Mask = "***";

        /// <summary>JSON fields whose values are secret or personal, wherever they appear.</summary>
        public static readonly IReadOnlyList<string> SensitiveFields = new[]
        {
            "client_secret", "access_token", "refresh_token", "id_token", "secret_token", "md5_key", "password",
            "social_security_number", "account_number", "authorization",
            // Vipps's API credentials in a Vipps connection's configuration.
            "ocp_apim_subscription_key", "client_id",
        };

        /// <summary>
        /// The ending that makes a field a bank account number whatever comes before it: <c>account_number</c> itself, and
        /// the approvals' <c>bank_account_number</c>. <c>account_number_type</c> (iban, BBAN) ends otherwise and is kept.
        /// </summary>
        public const string AccountNumberEnding = "account_number";

        // A sensitive field's name: one of SensitiveFields, or any name that ends with account_number.
        private static readonly string SensitiveName =
            "(?:" + string.Join("|", SensitiveFields.Select(Regex.Escape)) + "|[A-Za-z0-9_]*" + AccountNumberEnding + ")";

        private static readonly Regex SensitiveJsonField = new Regex(
            "(\"" + SensitiveName + "\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9][0-9.eE+-]*)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

        private static readonly Regex SensitiveFormField = new Regex(
            "\\b(" + SensitiveName + ")=[^&\\s\"]+",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

        /// <summary>Whether a JSON field's value is masked by its name: one of <see cref="SensitiveFields"/>, or a name that ends with <see cref="AccountNumberEnding"/>.</summary>
        public static bool IsSensitiveField(string name) =>
            SensitiveFields.Contains(name, StringComparer.OrdinalIgnoreCase) || name.EndsWith(AccountNumberEnding, StringComparison.OrdinalIgnoreCase);

        private static readonly Regex AuthorizationCredentials = new Regex(
            @"\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

        private static readonly Regex Jwt = new Regex(
            @"\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*",
            RegexOptions.CultureInvariant | RegexOptions.Compiled);

        // IBAN: two letters, two check digits, 11 to 30 alphanumerics, optionally grouped by spaces.
        private static readonly Regex Iban = new Regex(
            @"\b[A-Z]{2}[0-9]{2}(?:\s?[A-Z0-9]){11,30}\b",
            RegexOptions.CultureInvariant | RegexOptions.Compiled);

        // Nordic personal and bank account numbers: Norwegian 11-digit numbers (fødselsnummer, mod11 accounts, also
        // grouped as 1234.56.78903 or 1234 56 78903), Swedish personnummer (YYMMDD-NNNN, YYYYMMDDNNNN), Danish CPR
        // (DDMMYY-NNNN), and any longer run of digits. Digit runs of 10 or more are masked: no identifier this module prints
        // is that long, but for a UUID (request ids, client ids), whose groups can be all digits by chance: a UUID is
        // matched first, and kept.
        private static readonly Regex PersonalNumber = new Regex(
            @"(?<uuid>(?<![0-9A-Za-z])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![0-9A-Za-z]))|(?<![0-9A-Za-z])(?:[0-9]{4}[. ][0-9]{2}[. ][0-9]{5}|[0-9]{6,8}[-+ ][0-9]{4,5}|[0-9]{10,})(?![0-9A-Za-z])",
            RegexOptions.CultureInvariant | RegexOptions.Compiled);

        // Found in one pass whatever their number: a partner's session holds a token for each merchant it touches.
        private readonly KnownSecrets secrets = new KnownSecrets();

        /// <summary>A redactor that masks by shape only.</summary>
        public static Redactor Shapes { get; } = new Redactor();

        /// <summary>How many values are masked by value now (the client secret, proxy passwords, the tokens held).</summary>
        public int SecretCount => secrets.Count;

        /// <summary>Remembers a value to mask wherever it appears, such as a client secret or an issued token.</summary>
        public void AddSecret(string? secret) => secrets.Add(secret);

        /// <summary>
        /// Forgets a value no one holds any more (a token that expired, was replaced, or was let go with its merchant):
        /// what the session masks by value stays what it can still send. A token also has a shape, masked whatever.
        /// </summary>
        public void RemoveSecret(string? secret) => secrets.Remove(secret);

        /// <summary>Masks every secret and personal value in the text.</summary>
        public string Redact(string? text) => Redact(text, null);

        /// <summary>
        /// Masks the values of the sensitive fields (<see cref="IsSensitiveField"/>) in JSON text, and nothing else: for an answer handed to the user
        /// as JSON (Invoke-DinteroRequest -Raw), where masking digit runs by shape would change the data.
        /// </summary>
        public static string MaskFields(string json) =>
            string.IsNullOrEmpty(json) ? json : SensitiveJsonField.Replace(json, match => match.Groups[1].Value + "\"" + Mask + "\"");

        /// <summary>Masks every secret and personal value in the text, including the extra values given for this one call.</summary>
        public string Redact(string? text, IEnumerable<string>? extraSecrets)
        {
            if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
            var result = secrets.Mask(text!, Mask);
            if (extraSecrets != null)
            {
                foreach (var secret in extraSecrets.Where(value => !string.IsNullOrEmpty(value) && value.Length >= 4).OrderByDescending(value => value.Length))
                {
                    result = result.Replace(secret, Mask);
                }
            }
            result = SensitiveJsonField.Replace(result, match => match.Groups[1].Value + "\"" + Mask + "\"");
            result = SensitiveFormField.Replace(result, match => match.Groups[1].Value + "=" + Mask);
            result = AuthorizationCredentials.Replace(result, match => match.Groups[1].Value + " " + Mask);
            result = Jwt.Replace(result, Mask);
            result = Iban.Replace(result, Mask);
            result = PersonalNumber.Replace(result, match => match.Groups["uuid"].Success ? match.Value : Mask);
            return result;
        }
    }
}
