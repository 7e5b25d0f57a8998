namespace Dintero.Connections.Models
{
    /// <summary>What the merchant's web shop has been checked for.</summary>
    public sealed class Verifications : DinteroModel
    {
        public bool? terms_and_conditions { get; set; }
        public string? terms_and_conditions_url { get; set; }
        public bool? contact_information { get; set; }
        public bool? payment_site { get; set; }

        /// <summary>Common signup only.</summary>
        public string? payment_site_url { get; set; }

        /// <summary>Common signup only.</summary>
        public string? demo_site_url { get; set; }
        public bool? clear_pricing { get; set; }
        public bool? payment_product_logos { get; set; }
    }
}
