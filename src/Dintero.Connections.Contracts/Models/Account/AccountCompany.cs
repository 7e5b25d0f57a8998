using System.Linq;

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

        /// <summary>For views: the fields that are set, one per line, <c>name: value</c>.</summary>
        public override string ToString()
        {
            var address = this.address == null ? null : string.Join(", ", new[] { this.address.address_line, this.address.address_line_2, $"{this.address.postal_code} {this.address.postal_place}".Trim(), this.address.country }.Where(part => !string.IsNullOrEmpty(part)));
            var fields = new[]
            {
                ("business_name", business_name), ("display_name", display_name), ("organization_number", organization_number),
                ("address", address), ("website", website), ("email", email), ("phone_number", phone_number),
            };
            return string.Join("\n", fields.Where(field => !string.IsNullOrEmpty(field.Item2)).Select(field => $"{field.Item1}: {field.Item2}"));
        }
    }
}
