using System.Text.RegularExpressions;

namespace Dintero.Connections.Validation
{
    /// <summary>
    /// Dintero account ids: <c>T</c> (test) or <c>P</c> (production) and eight digits. The one owner of that rule:
    /// the engine checks every call with it, and the cmdlets' <c>[ValidateAccountId]</c> checks parameters with it.
    /// </summary>
    public static class AccountIdFormat
    {
        public const string Pattern = @"^[PT]\d{8}$";
        private static readonly Regex Expression = new Regex(Pattern, RegexOptions.CultureInvariant);

        public static bool IsValid(string? accountId) => accountId != null && Expression.IsMatch(accountId);

        public static bool IsTest(string accountId) => accountId.StartsWith("T", System.StringComparison.Ordinal);

        /// <summary>The partner-account rule, as messages say it: the one wording of it.</summary>
        public const string PartnerRule = "a partner account's id ends in 00000, e.g. T11200000";

        /// <summary>The partner-account rule: Dintero's partner accounts end in five zeros (<c>T11200000</c> is partner 112).</summary>
        public const string PartnerPattern = @"^[PT]\d{3}00000$";
        private static readonly Regex PartnerExpression = new Regex(PartnerPattern, RegexOptions.CultureInvariant);

        /// <summary>Whether the account is a partner account, whose API client reaches its merchants by token exchange.</summary>
        public static bool IsPartner(string? accountId) => accountId != null && PartnerExpression.IsMatch(accountId);

        /// <summary>The partner number of a partner account (<c>112</c> for <c>T11200000</c>), as Dintero's onboarding links take it.</summary>
        public static string PartnerNumber(string partnerAccountId) =>
            IsPartner(partnerAccountId) ? partnerAccountId.Substring(1, 3) : throw new System.ArgumentException($"'{partnerAccountId}' is not a partner account id: {PartnerRule}.", nameof(partnerAccountId));

        /// <summary>The problem with an account id, or null when it is valid.</summary>
        /// <summary>The account id, when it is one; the one refusal of a malformed id otherwise.</summary>
        /// <exception cref="Errors.DinteroValidationException">It is empty or malformed.</exception>
        public static string Checked(string? accountId, string path = "account_id")
        {
            var problem = Check(accountId, path);
            if (problem != null) throw new Errors.DinteroValidationException("The account id", new[] { problem });
            return accountId!;
        }

        public static ValidationProblem? Check(string? accountId, string path = "account_id")
        {
            if (string.IsNullOrEmpty(accountId)) return new ValidationProblem(path, "An account id is required: T (test) or P (production) and eight digits, e.g. T12345678.");
            if (IsValid(accountId)) return null;
            // The value is shown: an account id is not a secret, and seeing it is what makes the error actionable.
            return new ValidationProblem(path, $"'{accountId}' is not a Dintero account id: expected T (test) or P (production) and eight digits, e.g. T12345678.");
        }
    }
}
