using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Dintero.Connections.Errors;
using Dintero.Connections.Models;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Approvals
{
    /// <summary>
    /// Checks payment and seller approvals against what Dintero documents (docs/openapi/dintero-approvals.yaml) before
    /// anything is sent: every problem at once, under its JSON path below <c>approval</c> or <c>seller</c>.
    /// UNCERTAIN: a payment approval's required list is inferred from Dintero's generated example (see the yaml).
    /// </summary>
    public static class ApprovalChecks
    {
        public const string ApprovalRoot = "approval";
        public const string SellerRoot = "seller";

        /// <summary>Products seen in Dintero's documentation; the list is open, so others are sent as given.</summary>
        public static readonly IReadOnlyList<string> KnownProducts = new[] { "checkout" };

        /// <summary>Payment methods seen in Dintero's documentation (ipp added 2026-06-08); open, as the products.</summary>
        public static readonly IReadOnlyList<string> KnownPaymentMethods = new[] { "creditcard", "ipp" };

        public static readonly IReadOnlyList<string> BankAccountNumberTypes = new[] { "IBAN", "BBAN" };
        public static readonly IReadOnlyList<string> SellerTypes = new[] { "company", "individual" };
        public static readonly IReadOnlyList<string> Languages = new[] { "en", "no" };
        public static readonly IReadOnlyList<string> Intervals = new[] { "daily", "weekly", "monthly" };

        /// <summary>The descriptions that set a seller's case in test mode (T accounts): AUTO_APPROVE, AUTO_DECLINE, AUTO_WAITING_FOR_SIGNATURE.</summary>
        public static readonly IReadOnlyList<string> SellerTestValues = new[] { "AUTO_APPROVE", "AUTO_DECLINE", "AUTO_WAITING_FOR_SIGNATURE" };

        private static readonly Regex CountryCode = new Regex("^[A-Z]{2}$", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        private static readonly Regex Bic = new Regex("^[A-Z0-9]{8}([A-Z0-9]{3})?$", RegexOptions.CultureInvariant | RegexOptions.Compiled);

        /// <summary>The application, checked: what may be sent.</summary>
        /// <exception cref="DinteroValidationException">Every problem at once; nothing may be sent.</exception>
        public static CheckedApproval<PaymentApprovalSignup> Check(PaymentApprovalSignup approval)
        {
            var check = new ProblemCollector();
            const string p = ApprovalRoot;
            if (check.Required(approval.products, $"{p}.products", "At least one product"))
            {
                check.Each(approval.products, $"{p}.products", (product, path) => check.Required(product.product, ProblemCollector.Field(path, "product"), "The product"));
            }
            if (check.Required(approval.payment_methods, $"{p}.payment_methods", "At least one payment method"))
            {
                check.Each(approval.payment_methods, $"{p}.payment_methods", (method, path) => check.Required(method.payment_method, ProblemCollector.Field(path, "payment_method"), "The payment method"));
            }
            Country(check, approval.country_code, $"{p}.country_code", required: true);
            check.Required(approval.organization_number, $"{p}.organization_number", "The organization number");
            BankAccounts(check, approval.bank_accounts, $"{p}.bank_accounts", exactlyOne: false);
            if (approval.form_submitter != null) check.EmailAddress(approval.form_submitter.email, $"{p}.form_submitter.email");
            check.ThrowIfAny("The payment approval");
            return new CheckedApproval<PaymentApprovalSignup>(approval, NumbersOf(approval.bank_accounts));
        }

        /// <summary>The seller's application, checked: what may be sent.</summary>
        /// <exception cref="DinteroValidationException">Every problem at once; nothing may be sent.</exception>
        public static CheckedApproval<PayoutDestinationSignup> Check(PayoutDestinationSignup seller)
        {
            var check = new ProblemCollector();
            const string p = SellerRoot;
            if (check.Required(seller.payout_destination_id, $"{p}.payout_destination_id", "The payout destination id")) check.MaxLength(seller.payout_destination_id, 40, $"{p}.payout_destination_id");
            if (check.Required(seller.payout_reference, $"{p}.payout_reference", "The payout reference")) check.MaxLength(seller.payout_reference, 60, $"{p}.payout_reference");
            check.MaxLength(seller.payout_destination_name, 60, $"{p}.payout_destination_name");
            check.MaxLength(seller.payout_destination_description, 1000, $"{p}.payout_destination_description");
            check.OneOf(seller.language, Languages, $"{p}.language", "language");
            check.OneOf(seller.type, SellerTypes, $"{p}.type", "seller type");
            check.OneOf(seller.payout_interval_type, Intervals, $"{p}.payout_interval_type", "payout interval");
            var individual = seller.type == "individual";
            // A company (the type left out means one) is known by its country and organization number; a person by their details.
            Country(check, seller.country_code, $"{p}.country_code", required: !individual);
            if (!individual) check.Required(seller.organization_number, $"{p}.organization_number", "The organization number (for a company)");
            if (individual && check.Required(seller.individual, $"{p}.individual", "The individual's details (for type individual)"))
            {
                check.Required(seller.individual!.name, $"{p}.individual.name", "The individual's name");
                check.Date(seller.individual.birth_date, $"{p}.individual.birth_date");
                check.EmailAddress(seller.individual.email, $"{p}.individual.email");
                Country(check, seller.individual.address_country, $"{p}.individual.address_country", required: false);
            }
            BankAccounts(check, seller.bank_accounts, $"{p}.bank_accounts", exactlyOne: true);
            if (seller.form_submitter != null) check.EmailAddress(seller.form_submitter.email, $"{p}.form_submitter.email");
            if (seller.settlement_report_configuration != null)
            {
                var emails = seller.settlement_report_configuration.emails;
                if (check.Required(emails, $"{p}.settlement_report_configuration.emails", "At least one e-mail")) check.Each(emails, $"{p}.settlement_report_configuration.emails", (email, path) => check.EmailAddress(email, path));
            }
            if (seller.report_configuration != null)
            {
                var report = seller.report_configuration;
                check.Required(report.create_report_configuration, $"{p}.report_configuration.create_report_configuration", "Whether to make the report");
                check.OneOf(report.schedule, Intervals, $"{p}.report_configuration.schedule", "schedule");
                check.EmailAddress(report.email, $"{p}.report_configuration.email");
                check.Each(report.content_types, $"{p}.report_configuration.content_types", (type, path) => check.OneOf(type, new[] { "application/pdf", "text/csv" }, path, "content type"));
            }
            check.ThrowIfAny("The seller approval");
            return new CheckedApproval<PayoutDestinationSignup>(seller, NumbersOf(seller.bank_accounts));
        }

        private static void BankAccounts(ProblemCollector check, List<ApprovalBankAccount>? accounts, string path, bool exactlyOne)
        {
            if (!check.Required(accounts, path, "A bank account")) return;
            if (exactlyOne && accounts!.Count > 1) check.Add(path, $"holds {accounts.Count} bank accounts; Dintero takes exactly one for a seller.");
            check.Each(accounts, path, (account, at) =>
            {
                if (check.Required(account.bank_account_currency, ProblemCollector.Field(at, "bank_account_currency"), "The bank account's currency")) check.CurrencyCode(account.bank_account_currency, ProblemCollector.Field(at, "bank_account_currency"));
                if (check.Required(account.payout_currency, ProblemCollector.Field(at, "payout_currency"), "The payout currency")) check.CurrencyCode(account.payout_currency, ProblemCollector.Field(at, "payout_currency"));
                check.OneOf(account.bank_account_number_type, BankAccountNumberTypes, ProblemCollector.Field(at, "bank_account_number_type"), "bank account number type");
                Country(check, account.bank_account_country_code, ProblemCollector.Field(at, "bank_account_country_code"), required: false);
                if (account.bank_identification_code != null && !Bic.IsMatch(account.bank_identification_code))
                {
                    check.Add(ProblemCollector.Field(at, "bank_identification_code"), "is no BIC: 8 or 11 capital letters and digits, e.g. DNBANOKKXXX.");
                }
            });
        }

        private static void Country(ProblemCollector check, string? code, string path, bool required)
        {
            if (required && !check.Required(code, path, "The country code")) return;
            if (code != null && !CountryCode.IsMatch(code)) check.Add(path, "is no country code: two capital letters (ISO 3166-1), e.g. NO.");
        }

        // The bank account numbers: masked by value in whatever is logged or thrown for the request.
        private static IReadOnlyCollection<string> NumbersOf(List<ApprovalBankAccount>? accounts) =>
            (accounts ?? new List<ApprovalBankAccount>()).Select(account => account?.bank_account_number?.GetPlainText()).Where(number => !string.IsNullOrEmpty(number)).Select(number => number!).ToList();
    }

    /// <summary>An application that passed its checks (<see cref="ApprovalChecks"/>), ready to send, with the values its request must mask.</summary>
    public sealed class CheckedApproval<T> where T : DinteroModel
    {
        internal CheckedApproval(T approval, IReadOnlyCollection<string> sensitiveValues)
        {
            Approval = approval;
            SensitiveValues = sensitiveValues;
        }

        public T Approval { get; }

        internal IReadOnlyCollection<string> SensitiveValues { get; }
    }
}
