namespace Dintero.Connections.Models
{
    /// <summary>The account payouts go to. The account number is personal data: it is never logged or printed.</summary>
    public sealed class BankAccount : DinteroModel
    {
        public string? account_number { get; set; }

        /// <summary><c>iban</c> or <c>mod11</c>.</summary>
        public string? account_number_type { get; set; }
        public string? bank_name { get; set; }
        public string? account_statement_url { get; set; }
    }
}
