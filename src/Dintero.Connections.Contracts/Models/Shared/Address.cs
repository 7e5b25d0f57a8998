namespace Dintero.Connections.Models
{
    /// <summary>A postal address.</summary>
    public sealed class Address : DinteroModel
    {
        public string? address_line { get; set; }
        public string? address_line_2 { get; set; }
        public string? postal_code { get; set; }
        public string? postal_place { get; set; }

        /// <summary>ISO 3166-1 alpha-2, e.g. <c>NO</c>.</summary>
        public string? country { get; set; }
    }
}
