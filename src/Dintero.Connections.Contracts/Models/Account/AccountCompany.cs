namespace Dintero.Connections.Models
{
    /// <summary>The company behind an account. The Common signup needs <c>organization_number</c> set first.</summary>
    public sealed class AccountCompany : DinteroModel
    {
        public string? business_name { get; set; }
        public Address? address { get; set; }
        public string? organization_number { get; set; }
        public string? display_name { get; set; }
        public string? website { get; set; }
        public string? terms_url { get; set; }
        public string? email { get; set; }
        public string? technical_email { get; set; }

        /// <summary>Pattern <c>^\+?\d{5,15}$</c>.</summary>
        public string? phone_number { get; set; }
    }
}
