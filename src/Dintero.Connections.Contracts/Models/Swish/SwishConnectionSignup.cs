using System.Collections.Generic;

namespace Dintero.Connections.Models
{
    /// <summary>The Swish signup (<c>POST .../connections/swish</c>).</summary>
    public sealed class SwishConnectionSignup : DinteroModel
    {
        public string? business_name { get; set; }
        public string? legal_name { get; set; }
        public string? organization_number { get; set; }
        public string? bank_name { get; set; }
        public string? account_number { get; set; }
        public string? website { get; set; }

        /// <summary><c>swish.swish</c>.</summary>
        public List<PaymentOption>? payment_options { get; set; }
    }
}
