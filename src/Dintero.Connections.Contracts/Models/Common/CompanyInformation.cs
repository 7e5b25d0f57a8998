namespace Dintero.Connections.Models
{
    /// <summary>What the company does.</summary>
    public sealed class CompanyInformation : DinteroModel
    {
        /// <summary><c>goods</c>, <c>services</c>, <c>subscriptions_or_memberships</c>, <c>charity</c>, <c>travel_and_entertainment</c>, <c>other</c>.</summary>
        public string? industry { get; set; }

        /// <summary>A merchant category code, e.g. <c>4722</c>.</summary>
        public string? company_category { get; set; }
        public MerchantCategory? mcc { get; set; }
        public string? company_description { get; set; }
    }

    /// <summary>A merchant category code with the descriptions card schemes give it.</summary>
    public sealed class MerchantCategory : DinteroModel
    {
        public string? mcc { get; set; }
        public MerchantCategoryRange? range { get; set; }
        public string? iso_description { get; set; }
        public string? usda_description { get; set; }
        public string? stripe_description { get; set; }
        public string? stripe_code { get; set; }
        public string? visa_description { get; set; }
        public string? visa_req_clearing_name { get; set; }
    }

    /// <summary>The range of codes a merchant category code belongs to.</summary>
    public sealed class MerchantCategoryRange : DinteroModel
    {
        public string? start { get; set; }
        public string? end { get; set; }
        public string? description { get; set; }
        public bool? reserved { get; set; }
    }
}
