namespace Dintero.Connections.Models
{
    /// <summary>The person applying. The Bambora signup takes the phone number only.</summary>
    public sealed class Applicant : DinteroModel
    {
        public string? first_name { get; set; }
        public string? last_name { get; set; }
        public string? email { get; set; }

        /// <summary>E.164, e.g. <c>+4799999999</c>.</summary>
        public string? phone_number { get; set; }
        public string? social_security_number { get; set; }
    }
}
