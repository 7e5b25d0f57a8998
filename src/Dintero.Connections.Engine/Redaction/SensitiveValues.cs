using System.Collections.Generic;
using System.Linq;
using Dintero.Connections.Models;

namespace Dintero.Connections.Redaction
{
    /// <summary>
    /// The personal values a signup carries (social security and bank account numbers). They are masked by value
    /// in everything logged or thrown for that request, whatever their format, in case Dintero echoes them.
    /// </summary>
    internal static class SensitiveValues
    {
        public static IReadOnlyCollection<string> Of(CommonConnectionSignup signup) => Collect(
            new[] { signup.applicant?.social_security_number }
                .Concat(Owners(signup.ownership))
                .Concat(signup.bank_accounts?.Select(account => account?.account_number) ?? Enumerable.Empty<string?>()));

        public static IReadOnlyCollection<string> Of(BamboraConnectionSignup signup) => Collect(
            new[] { signup.account_number, signup.applicant?.social_security_number }.Concat(Owners(signup.ownership)));

        private static IEnumerable<string?> Owners(Ownership? ownership) =>
            ownership?.owners?.Select(owner => owner?.social_security_number) ?? Enumerable.Empty<string?>();

        private static IReadOnlyCollection<string> Collect(IEnumerable<string?> values) =>
            values.Where(value => !string.IsNullOrEmpty(value)).Select(value => value!).Distinct().ToList();
    }
}
