namespace Dintero.Connections.Models
{
    /// <summary>A contact of the merchant's (PayEx's applicant and accounting contacts): all three fields are required.</summary>
    public sealed class ContactPerson : DinteroModel
    {
        public string? name { get; set; }
        public string? phone_number { get; set; }
        public string? email { get; set; }
    }
}
