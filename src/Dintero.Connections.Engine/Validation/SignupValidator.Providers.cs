using System.Collections.Generic;
using Dintero.Connections.Models;

namespace Dintero.Connections.Validation
{
    /// <summary>
    /// The payment providers' own signups (Collector, Instabank, PayEx, Swish): the required fields and closed lists of
    /// Dintero's schema (D21, the one published for them), and nothing the schema does not state.
    /// </summary>
    public static partial class SignupValidator
    {
        public static IReadOnlyList<ValidationProblem> Validate(CollectorConnectionSignup signup)
        {
            var check = new ProblemCollector();
            const string p = Root;
            PaymentOptions(check, signup.payment_options, p, KnownValues.CollectorPaymentOptionTypes);
            check.Required(signup.legal_name, $"{p}.legal_name", "The legal name");
            check.Required(signup.organization_number, $"{p}.organization_number", "The organization number");
            check.Required(signup.bank_name, $"{p}.bank_name", "The bank name");
            check.Required(signup.account_number, $"{p}.account_number", "The account number");
            check.Required(signup.website, $"{p}.website", "The website");
            return check.Problems;
        }

        public static IReadOnlyList<ValidationProblem> Validate(InstabankConnectionSignup signup)
        {
            var check = new ProblemCollector();
            const string p = Root;
            PaymentOptions(check, signup.payment_options, p, KnownValues.InstabankPaymentOptionTypes);
            if (check.Required(signup.email, $"{p}.email", "The e-mail address")) check.EmailAddress(signup.email, $"{p}.email");
            check.Required(signup.phone_number, $"{p}.phone_number", "The phone number");
            check.Required(signup.total_number_of_transactions, $"{p}.total_number_of_transactions", "The total number of transactions");
            check.Required(signup.total_volume_of_transactions, $"{p}.total_volume_of_transactions", "The total volume of transactions");
            check.Required(signup.finance_number_of_transactions, $"{p}.finance_number_of_transactions", "The finance number of transactions");
            check.Required(signup.finance_volume_of_transactions, $"{p}.finance_volume_of_transactions", "The finance volume of transactions");
            check.Required(signup.industry, $"{p}.industry", "The industry");
            if (check.Required(signup.account_number, $"{p}.account_number", "The account number") && signup.account_number!.Length != 11)
            {
                // Documented: "checking account in a Norwegian bank", exactly 11 characters. The value is not repeated.
                check.Add($"{p}.account_number", $"has {signup.account_number.Length} characters; Instabank takes a Norwegian checking account number of exactly 11.");
            }
            return check.Problems;
        }

        public static IReadOnlyList<ValidationProblem> Validate(PayExConnectionSignup signup)
        {
            var check = new ProblemCollector();
            const string p = Root;
            PaymentOptions(check, signup.payment_options, p, KnownValues.PayExPaymentOptionTypes);
            Contact(check, signup.applicant_contact, $"{p}.applicant_contact");
            Contact(check, signup.accounting_contact, $"{p}.accounting_contact");
            return check.Problems;
        }

        public static IReadOnlyList<ValidationProblem> Validate(SwishConnectionSignup signup)
        {
            var check = new ProblemCollector();
            const string p = Root;
            PaymentOptions(check, signup.payment_options, p, KnownValues.SwishPaymentOptionTypes);
            check.Required(signup.legal_name, $"{p}.legal_name", "The legal name");
            check.Required(signup.organization_number, $"{p}.organization_number", "The organization number");
            check.Required(signup.website, $"{p}.website", "The website");
            return check.Problems;
        }

        // A contact is optional, but one given needs all three fields (D21: name*, phone_number*, email*).
        private static void Contact(ProblemCollector check, ContactPerson? contact, string p)
        {
            if (contact == null) return;
            check.Required(contact.name, $"{p}.name", "The contact's name");
            check.Required(contact.phone_number, $"{p}.phone_number", "The contact's phone number");
            if (check.Required(contact.email, $"{p}.email", "The contact's e-mail address")) check.EmailAddress(contact.email, $"{p}.email");
        }
    }
}
