using System.Collections.Generic;

namespace Dintero.Connections.Models
{
    /// <summary>A payment option to enable, and the currencies it is enabled for.</summary>
    public sealed class PaymentOption : DinteroModel
    {
        /// <summary>ISO 4217 codes, e.g. <c>NOK</c>.</summary>
        public List<string>? currencies { get; set; }

        /// <summary>Payment option type, e.g. <c>dintero.zero</c>. An open list: new types are not rejected.</summary>
        public string? type { get; set; }

        /// <summary>For views and <c>-join</c>: <c>dintero.zero (NOK, SEK)</c>.</summary>
        public override string ToString() => currencies == null || currencies.Count == 0 ? type ?? string.Empty : $"{type} ({string.Join(", ", currencies)})";
    }
}
