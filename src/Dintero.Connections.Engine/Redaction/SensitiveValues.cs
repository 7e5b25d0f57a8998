using System.Collections.Generic;
using System;
using Dintero.Connections.Models;

namespace Dintero.Connections.Redaction
{
    /// <summary>
    /// The personal values a signup carries (social security and bank account numbers). They are masked by value
    /// in everything logged or thrown for that request, whatever their format, in case Dintero echoes them.
    /// </summary>
    internal static class SensitiveValues
    {
        public static IReadOnlyCollection<string> Of(CommonConnectionSignup signup)
        {
            List<string>? found = null;
            Add(ref found, signup.applicant?.social_security_number);
            AddOwners(ref found, signup.ownership);
            if (signup.bank_accounts != null)
            {
                foreach (var account in signup.bank_accounts) Add(ref found, account?.account_number);
            }
            return (IReadOnlyCollection<string>?)found ?? Array.Empty<string>();
        }

        public static IReadOnlyCollection<string> Of(BamboraConnectionSignup signup)
        {
            List<string>? found = null;
            Add(ref found, signup.account_number);
            Add(ref found, signup.applicant?.social_security_number);
            AddOwners(ref found, signup.ownership);
            return (IReadOnlyCollection<string>?)found ?? Array.Empty<string>();
        }

        /// <summary>The bank account number of a provider's signup (Collector, Instabank, PayEx, Swish), if any.</summary>
        public static IReadOnlyCollection<string> Of(string? accountNumber) =>
            string.IsNullOrEmpty(accountNumber) ? Array.Empty<string>() : new[] { accountNumber! };

        private static void AddOwners(ref List<string>? found, Ownership? ownership)
        {
            if (ownership?.owners == null) return;
            foreach (var owner in ownership.owners) Add(ref found, owner?.social_security_number);
        }

        // Called once per signup sent: a list only when there is something to mask.
        private static void Add(ref List<string>? found, string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            found ??= new List<string>();
            if (!found.Contains(value!)) found.Add(value!);
        }
    }
}
