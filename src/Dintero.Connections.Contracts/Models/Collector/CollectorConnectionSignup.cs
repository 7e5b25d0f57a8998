using System.Collections.Generic;

namespace Dintero.Connections.Models
{
    /// <summary>The Collector signup (<c>POST .../connections/collector</c>): invoice and installment payments.</summary>
    public sealed class CollectorConnectionSignup : DinteroModel
    {
        public string? business_name { get; set; }
        public string? legal_name { get; set; }
        public string? organization_number { get; set; }
        public string? bank_name { get; set; }
        public string? account_number { get; set; }
        public string? website { get; set; }

        /// <summary><c>collector.invoice</c>, <c>collector.installment</c>.</summary>
        public List<PaymentOption>? payment_options { get; set; }
    }
}
