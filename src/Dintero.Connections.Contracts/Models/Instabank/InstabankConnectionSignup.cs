using System.Collections.Generic;

namespace Dintero.Connections.Models
{
    /// <summary>The Instabank signup (<c>POST .../connections/instabank</c>): every field is required.</summary>
    public sealed class InstabankConnectionSignup : DinteroModel
    {
        public string? email { get; set; }
        public string? phone_number { get; set; }
        public string? total_number_of_transactions { get; set; }
        public string? total_volume_of_transactions { get; set; }
        public string? finance_number_of_transactions { get; set; }
        public string? finance_volume_of_transactions { get; set; }
        public string? industry { get; set; }

        /// <summary>A checking account in a Norwegian bank: exactly 11 characters. Masked in everything logged.</summary>
        public string? account_number { get; set; }

        /// <summary><c>instabank.invoice</c>, <c>instabank.finance</c>.</summary>
        public List<PaymentOption>? payment_options { get; set; }
    }
}
