using System.Collections.Generic;
using System.Linq;

namespace Dintero.Connections.Models
{
    /// <summary>The merchant's Bambora configuration. Three of its fields are secrets.</summary>
    public sealed class BamboraConfiguration : DinteroModel
    {
        public List<PaymentOption>? payment_options { get; set; }
        public string? merchant_number { get; set; }
        public DinteroSecret? md5_key { get; set; }

        /// <summary>Dintero documents a number here; written back as it arrived, string or number.</summary>
        public DinteroSecret? access_token { get; set; }
        public DinteroSecret? secret_token { get; set; }
        public string? token_scope { get; set; }

        /// <summary>A summary for views and whatever prints the object; the secrets print as *** (<see cref="DinteroSecret"/>).</summary>
        public override string ToString()
        {
            var options = payment_options == null ? string.Empty : string.Join(", ", payment_options.Where(option => option != null).Select(option => option.type));
            return $"merchant_number: {merchant_number}; payment_options: {options}; md5_key: {md5_key}; secret_token: {secret_token}; access_token: {access_token}";
        }
    }
}
