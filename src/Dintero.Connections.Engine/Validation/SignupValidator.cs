using System.Collections.Generic;
using System.Linq;
using Dintero.Connections.Models;

namespace Dintero.Connections.Validation
{
    /// <summary>
    /// Checks signups against Dintero's documented rules before anything is sent. Every problem is reported at once,
    /// each under its JSON path below <c>signup</c>.
    /// </summary>
    public static partial class SignupValidator
    {
        public const string Root = "signup";

        public static IReadOnlyList<ValidationProblem> Validate(CommonConnectionSignup signup)
        {
            var check = new ProblemCollector();
            const string p = Root;
            PaymentOptions(check, signup.payment_options, p);
            StoreTypes(check, signup.store_type, p, required: true);
            if (signup.revenue != null) Revenue(check, signup.revenue, $"{p}.revenue");
            check.Each(signup.bank_accounts, $"{p}.bank_accounts", (account, path) =>
            {
                check.OneOf(account.account_number_type, KnownValues.AccountNumberTypes, ProblemCollector.Field(path, "account_number_type"), "account number type");
                // Documented: the schema's pattern https?:// (unanchored), so the address must hold http:// or https://.
                check.HttpUrlInside(account.account_statement_url, ProblemCollector.Field(path, "account_statement_url"));
            });
            if (signup.ownership != null) Ownership(check, signup.ownership, $"{p}.ownership", allowPersonalDetails: true);
            if (signup.verifications != null) Verifications(check, signup.verifications, $"{p}.verifications", bambora: false);
            if (signup.signature != null) Signature(check, signup.signature, $"{p}.signature");
            if (signup.applicant != null)
            {
                // Stricter than the schema, on purpose: Dintero contacts the applicant about the signup at this address,
                // and one without a name@domain shape would leave the signup waiting unnoticed.
                check.EmailAddress(signup.applicant.email, $"{p}.applicant.email");
                check.PhoneE164(signup.applicant.phone_number, $"{p}.applicant.phone_number");
            }
            if (signup.company_information != null)
            {
                var company = signup.company_information;
                check.OneOf(company.industry, KnownValues.Industries, $"{p}.company_information.industry", "industry");
                check.MerchantCategory(company.company_category, $"{p}.company_information.company_category");
            }
            if (signup.payment_method_specific != null) PaymentMethodSpecific(check, signup.payment_method_specific, $"{p}.payment_method_specific");
            return check.Problems;
        }

        public static IReadOnlyList<ValidationProblem> Validate(BamboraConnectionSignup signup)
        {
            var check = new ProblemCollector();
            const string p = Root;
            const string where = "Bambora signup";
            PaymentOptions(check, signup.payment_options, p, KnownValues.BamboraPaymentOptionTypes);
            if (check.Required(signup.revenue, $"{p}.revenue", "The revenue")) Revenue(check, signup.revenue!, $"{p}.revenue");
            if (signup.revenue?.estimated_percentage_per_payment_type != null)
            {
                check.NotAccepted(signup.revenue.estimated_percentage_per_payment_type, $"{p}.revenue.estimated_percentage_per_payment_type", where);
            }
            check.Required(signup.bank_name, $"{p}.bank_name", "The bank name");
            check.Required(signup.account_number, $"{p}.account_number", "The account number");
            StoreTypes(check, signup.store_type, p, required: false);
            if (signup.ownership != null) Ownership(check, signup.ownership, $"{p}.ownership", allowPersonalDetails: false);
            if (signup.verifications != null) Verifications(check, signup.verifications, $"{p}.verifications", bambora: true);
            if (signup.signature != null) Signature(check, signup.signature, $"{p}.signature");
            if (signup.applicant != null)
            {
                var applicant = signup.applicant;
                check.PhoneE164(applicant.phone_number, $"{p}.applicant.phone_number");
                check.NotAccepted(applicant.first_name, $"{p}.applicant.first_name", where);
                check.NotAccepted(applicant.last_name, $"{p}.applicant.last_name", where);
                check.NotAccepted(applicant.email, $"{p}.applicant.email", where);
                check.NotAccepted(applicant.social_security_number, $"{p}.applicant.social_security_number", where);
            }
            return check.Problems;
        }

        /// <summary>Checks the company of an account settings update (<c>PUT .../management/settings</c>).</summary>
        public static IReadOnlyList<ValidationProblem> Validate(AccountCompany company)
        {
            var check = new ProblemCollector();
            Company(check, company, "company");
            return check.Problems;
        }

        /// <summary>Checks a prefilled signup for a new merchant (<c>POST /accounts/{partner}/signup/prefill</c>), under <paramref name="root"/>.</summary>
        public static IReadOnlyList<ValidationProblem> Validate(MerchantInvite invite, string root = "invite")
        {
            var check = new ProblemCollector();
            if (check.Required(invite.applicant, $"{root}.applicant", "The applicant (who is invited)"))
            {
                var applicant = invite.applicant!;
                // Dintero requires it: the invitation is e-mailed there.
                if (check.Required(applicant.email, $"{root}.applicant.email", "The applicant's e-mail")) check.EmailAddress(applicant.email, $"{root}.applicant.email");
                check.PhoneE164(applicant.phone_number, $"{root}.applicant.phone_number");
            }
            if (check.Required(invite.company, $"{root}.company", "The company")) Company(check, invite.company!, $"{root}.company");
            if (invite.billing != null)
            {
                var billing = invite.billing;
                check.Required(billing.business_name, $"{root}.billing.business_name", "The billing business name");
                if (check.Required(billing.address, $"{root}.billing.address", "The billing address")) Address(check, billing.address!, $"{root}.billing.address");
                check.EmailAddress(billing.email, $"{root}.billing.email");
                check.MaxLength(billing.reference, 120, $"{root}.billing.reference");
                check.CompanyPhoneNumber(billing.phone_number, $"{root}.billing.phone_number");
            }
            return check.Problems;
        }

        private static void Company(ProblemCollector check, AccountCompany company, string p)
        {
            check.Required(company.business_name, $"{p}.business_name", "The business name");
            if (check.Required(company.address, $"{p}.address", "The address")) Address(check, company.address!, $"{p}.address");
            // Documented lengths (D21): website 120, terms_url 240. Their format is not documented, so not checked.
            check.MaxLength(company.website, 120, $"{p}.website");
            check.MaxLength(company.terms_url, 240, $"{p}.terms_url");
            // Stricter than the schema, on purpose: Dintero writes to these addresses (notices, technical alerts).
            check.EmailAddress(company.email, $"{p}.email");
            check.EmailAddress(company.technical_email, $"{p}.technical_email");
            check.CompanyPhoneNumber(company.phone_number, $"{p}.phone_number");
        }

        // Dintero's Address requires these three (D21).
        private static void Address(ProblemCollector check, Address address, string p)
        {
            check.Required(address.address_line, $"{p}.address_line", "The street address");
            check.Required(address.postal_place, $"{p}.postal_place", "The postal place");
            check.Required(address.country, $"{p}.country", "The country (ISO 3166-1, e.g. NO)");
        }

        /// <summary>Throws <see cref="Errors.DinteroValidationException"/> when there is any problem.</summary>
        public static void ThrowIfInvalid(IReadOnlyList<ValidationProblem> problems, string what)
        {
            if (problems.Count > 0) throw new Errors.DinteroValidationException(what, problems);
        }

        // types: the documented closed list of the kind; null where the list is open (Common).
        private static void PaymentOptions(ProblemCollector check, List<PaymentOption>? options, string p, IReadOnlyList<string>? types = null)
        {
            if (!check.Required(options, $"{p}.payment_options", "At least one payment option")) return;
            check.Each(options, $"{p}.payment_options", (option, path) =>
            {
                // Dintero's schema does not require an item's type, but an option without one asks for nothing to be
                // enabled: it is a mistake in every case seen, so it is refused. Currencies may be left out, as the
                // schema allows; given ones must be ISO 4217 codes, as documented.
                if (check.Required(option.type, ProblemCollector.Field(path, "type"), "The payment option type") && types != null)
                {
                    check.OneOf(option.type, types, ProblemCollector.Field(path, "type"), "payment option type here");
                }
                check.Each(option.currencies, ProblemCollector.Field(path, "currencies"), (currency, currencyPath) => check.CurrencyCode(currency, currencyPath));
            });
        }

        private static void StoreTypes(ProblemCollector check, List<string>? storeTypes, string p, bool required)
        {
            if (required && !check.Required(storeTypes, $"{p}.store_type", "At least one store type (online, instore, remote)")) return;
            check.Each(storeTypes, $"{p}.store_type", (storeType, path) => check.OneOf(storeType, KnownValues.StoreTypes, path, "store type"));
            // Stricter than the schema: a store type listed twice is always a typo in a sheet.
            if (storeTypes != null && HasDuplicate(storeTypes)) check.Add($"{p}.store_type", "lists a store type more than once.");
        }

        private static bool HasDuplicate(List<string> values)
        {
            for (var i = 1; i < values.Count; i++)
            {
                for (var j = 0; j < i; j++) if (values[i] == values[j]) return true;
            }
            return false;
        }

        private static void Revenue(ProblemCollector check, Revenue revenue, string p)
        {
            check.CurrencyCode(revenue.currency, $"{p}.currency");
            check.Each(revenue.estimated_percentage_per_payment_type, $"{p}.estimated_percentage_per_payment_type", (share, path) =>
            {
                check.Required(share.type, ProblemCollector.Field(path, "type"), "The payment type");
                // Stricter than the schema (a plain number): a percentage outside 0 to 100 is always a typo.
                check.Percentage(share.percentage, ProblemCollector.Field(path, "percentage"));
            });
            // The total is checked only when every share is in range, so one bad share is reported once.
            var shares = revenue.estimated_percentage_per_payment_type;
            var allInRange = shares != null && shares.All(share => share?.percentage == null || (share.percentage >= 0 && share.percentage <= 100));
            if (allInRange && shares!.Sum(share => share?.percentage ?? 0) > 100)
            {
                check.Add($"{p}.estimated_percentage_per_payment_type", "The percentages add up to more than 100.");
            }
        }

        private static void Ownership(ProblemCollector check, Ownership ownership, string p, bool allowPersonalDetails)
        {
            check.OneOf(ownership.ownership_structure, KnownValues.OwnershipStructures, $"{p}.ownership_structure", "ownership structure");
            check.Each(ownership.owners, $"{p}.owners", (owner, path) =>
            {
                // Stricter than the schema (a plain string): every example gives YYYY-MM-DD, and KYC needs a real date.
                check.Date(owner.date_of_birth, ProblemCollector.Field(path, "date_of_birth"));
                check.Percentage(owner.percentage, ProblemCollector.Field(path, "percentage"));
                if (!allowPersonalDetails)
                {
                    check.NotAccepted(owner.social_security_number, ProblemCollector.Field(path, "social_security_number"), "Bambora signup");
                    check.NotAccepted(owner.address, ProblemCollector.Field(path, "address"), "Bambora signup");
                }
            });
        }

        private static void Verifications(ProblemCollector check, Verifications verifications, string p, bool bambora)
        {
            // The verification URLs' format is not documented (Dintero's own example gives "<string>"): not checked.
            if (bambora)
            {
                check.NotAccepted(verifications.payment_site_url, $"{p}.payment_site_url", "Bambora signup");
                check.NotAccepted(verifications.demo_site_url, $"{p}.demo_site_url", "Bambora signup");
            }

        }

        private static void Signature(ProblemCollector check, Signature signature, string p)
        {
            check.Each(signature.signatures, $"{p}.signatures", (signatory, path) =>
            {
                check.Required(signatory.name, ProblemCollector.Field(path, "name"), "The signatory's name");
                // Stricter than the schema, which requires neither: a signatory without a name or an address cannot sign.
                // The address's format is not documented (Dintero's example gives "<string>"), so it is not checked.
                check.Required(signatory.email, ProblemCollector.Field(path, "email"), "The signatory's e-mail");
            });
        }

        private static void PaymentMethodSpecific(ProblemCollector check, PaymentMethodSpecific specific, string p)
        {
            // payex.signup_url and vipps.signup_url: format not documented (Dintero's example gives "<string>").
            var instabank = specific.instabank;
            if (instabank == null) return;
            var figures = new (string Name, string? Value)[]
            {
                ("total_number_of_transactions", instabank.total_number_of_transactions),
                ("total_volume_of_transactions", instabank.total_volume_of_transactions),
                ("finance_number_of_transactions", instabank.finance_number_of_transactions),
                ("finance_volume_of_transactions", instabank.finance_volume_of_transactions),
            };
            foreach (var missing in figures.Where(figure => string.IsNullOrWhiteSpace(figure.Value)))
            {
                check.Add($"{p}.instabank.{missing.Name}", "is required: Instabank needs all four figures (total and finance, number and volume of transactions) together.");
            }
        }
    }
}
