using System.Collections.Generic;
using System.Linq;

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

        /// <summary>A summary with the secrets masked, for views and for whatever prints the object.</summary>
        public override string ToString()
        {
            var options = payment_options == null ? string.Empty : string.Join(", ", payment_options.Where(option => option != null).Select(option => option.type));
            return $"merchant_number: {merchant_number}; payment_options: {options}; md5_key: {Masked(md5_key)}; secret_token: {Masked(secret_token)}; access_token: {Masked(access_token)}";
        }

        private static string Masked(object? secret) => secret == null ? string.Empty : "***";
    }
}
