namespace Dintero.Connections.Models
{
    /// <summary>The person who signed up an account, or who is invited to (a prefilled signup: <c>email</c> is required).</summary>
    public sealed class AccountApplicant : DinteroModel
    {
        public string? email { get; set; }
        public string? first_name { get; set; }
        public string? last_name { get; set; }

        /// <summary>E.164, e.g. <c>+4799999999</c>.</summary>
        public string? phone_number { get; set; }

        /// <summary>The partner's own key for the merchant, given with the invitation; it comes back on the account Dintero creates.</summary>
        public string? signup_reference { get; set; }

        public string? promo_code { get; set; }
    }
}
