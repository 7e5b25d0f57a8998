namespace Dintero.Connections.Models
{
    /// <summary>
    /// A partner's link to Dintero's onboarding form, where a merchant signs up under the partner and accepts Dintero's
    /// terms; the <c>signup_reference</c> comes back on the account Dintero creates. Prints as its URL.
    /// </summary>
    public sealed class OnboardingLink
    {
        public OnboardingLink(string partnerId, string? signupReference, bool prefilled, string url)
        {
            partner_id = partnerId;
            signup_reference = signupReference;
            prefilled_form = prefilled;
            this.url = url;
        }

        /// <summary>The partner account, e.g. <c>T11200000</c>.</summary>
        public string partner_id { get; }

        public string? signup_reference { get; }

        /// <summary>True for the form the partner fills in for the merchant (Dintero's prefill form), false for the merchant's own.</summary>
        public bool prefilled_form { get; }

        public string url { get; }

        public override string ToString() => url;
    }
}
