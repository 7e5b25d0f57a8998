using System.Collections.Generic;

namespace Dintero.Connections.Models
{
    /// <summary>A product applied for in a payment approval, e.g. <c>checkout</c>.</summary>
    public sealed class ApprovalProduct : DinteroModel
    {
        public string? product { get; set; }
    }

    /// <summary>A payment method applied for in a payment approval, e.g. <c>creditcard</c>, <c>ipp</c> (added 2026-06-08).</summary>
    public sealed class ApprovalPaymentMethod : DinteroModel
    {
        public string? payment_method { get; set; }
    }

    /// <summary>
    /// The bank account an approval's payouts go to. <c>bank_account_currency</c> and <c>payout_currency</c> are required
    /// (ISO 4217); <c>bank_account_number_type</c> is IBAN or BBAN (BBAN by default for Norway, IBAN elsewhere).
    /// </summary>
    public sealed class ApprovalBankAccount : DinteroModel
    {
        public string? bank_account_currency { get; set; }
        public string? payout_currency { get; set; }
        public string? bank_name { get; set; }

        /// <summary>
        /// A personal number, held as a <see cref="DinteroSecret"/> as Bambora's md5_key is: it prints as *** in every view,
        /// ConvertTo-Json, Export-Csv and error (a wait's last read), and is sent to Dintero as the text it is.
        /// </summary>
        public DinteroSecret? bank_account_number { get; set; }
        public string? bank_account_number_type { get; set; }

        /// <summary>Two letters; by default the approval's country_code.</summary>
        public string? bank_account_country_code { get; set; }

        /// <summary>BIC/SWIFT, 8 to 11 characters, e.g. <c>DNBANOKKXXX</c>.</summary>
        public string? bank_identification_code { get; set; }
    }

    /// <summary>Who fills in and signs the approval's form: e-mailed the link when an e-mail is given.</summary>
    public sealed class FormSubmitter : DinteroModel
    {
        public string? email { get; set; }
        public string? name { get; set; }
        public string? title { get; set; }
    }

    /// <summary>
    /// A link of an approval's case: <c>rel</c> <c>contract_url</c> is the form the signatory completes and signs; a seller's
    /// case may also have <c>cdd_case_url</c>, <c>dintero_cdd_case_url</c>, <c>declaration_url</c>, <c>signed_contract_file_url</c>.
    /// </summary>
    public sealed class ApprovalLink : DinteroModel
    {
        public string? href { get; set; }
        public string? rel { get; set; }

        public override string ToString() => href ?? string.Empty;
    }

    /// <summary>A seller that is a person (<c>type</c> individual) rather than a company.</summary>
    public sealed class SellerIndividual : DinteroModel
    {
        public string? name { get; set; }

        /// <summary>yyyy-MM-dd.</summary>
        public string? birth_date { get; set; }
        public string? phone_number { get; set; }
        public string? email { get; set; }
        public string? address_line { get; set; }
        public string? address_line_2 { get; set; }
        public string? address_postal_code { get; set; }
        public string? address_city { get; set; }
        public string? address_country { get; set; }
    }

    /// <summary>Who gets the seller's settlement reports.</summary>
    public sealed class SettlementReportConfiguration : DinteroModel
    {
        public List<string>? emails { get; set; }
    }

    /// <summary>Whether and how a report of the seller's payouts is made.</summary>
    public sealed class PayoutReportConfiguration : DinteroModel
    {
        public bool? create_report_configuration { get; set; }
        public string? email { get; set; }

        /// <summary>daily, weekly or monthly.</summary>
        public string? schedule { get; set; }

        /// <summary>By default the payout_destination_id.</summary>
        public string? reference { get; set; }

        /// <summary>application/pdf, text/csv.</summary>
        public List<string>? content_types { get; set; }
    }
}

namespace Dintero.Connections.Models
{
    /// <summary>Dintero's answer to the payment approvals' list: <c>{"payments": [...]}</c>.</summary>
    public sealed class PaymentApprovalList : DinteroModel
    {
        public System.Collections.Generic.List<PaymentApproval>? payments { get; set; }
    }

    /// <summary>Dintero's answer to the seller approvals' list: <c>{"payout_destinations": [...]}</c>.</summary>
    public sealed class PayoutDestinationList : DinteroModel
    {
        public System.Collections.Generic.List<PayoutDestination>? payout_destinations { get; set; }
    }
}
