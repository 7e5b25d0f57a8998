using System.Collections.Generic;

namespace Dintero.Connections.Models
{
    /// <summary>Who owns the merchant.</summary>
    public sealed class Ownership : DinteroModel
    {
        /// <summary><c>owners_with_more_than_25</c>, <c>no_owners_with_more_than_25</c> or <c>complex</c>.</summary>
        public string? ownership_structure { get; set; }
        public List<Owner>? owners { get; set; }
    }

    /// <summary>An owner. The social security number is personal data: it is never logged or printed.</summary>
    public sealed class Owner : DinteroModel
    {
        public string? name { get; set; }
        public string? legal_name { get; set; }

        /// <summary><c>YYYY-MM-DD</c>.</summary>
        public string? date_of_birth { get; set; }
        public string? social_security_number { get; set; }
        public decimal? percentage { get; set; }

        /// <summary>Present in answers.</summary>
        public Address? address { get; set; }
    }
}
