using System.Collections.Generic;

namespace Dintero.Connections.Models
{
    /// <summary>The merchant's Bambora configuration. Three of its fields are secrets.</summary>
    public sealed class BamboraConfiguration : DinteroModel
    {
        public List<PaymentOption>? payment_options { get; set; }
        public string? merchant_number { get; set; }
        public string? md5_key { get; set; }

        /// <summary>Dintero documents a number here; kept as whatever JSON value arrives.</summary>
        public object? access_token { get; set; }
        public string? secret_token { get; set; }
        public string? token_scope { get; set; }
    }
}
