using System;
using Dintero.Connections.Models;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Partners
{
    /// <summary>
    /// A partner's links to Dintero's onboarding, as Dintero documents them (docs.dintero.com, Partner documentation,
    /// "Inviting merchants"): <c>https://onboarding.dintero.com/?partner={partner number}&amp;signup_reference={reference}</c>
    /// for the merchant's own form, and <c>/prefill?...</c> for the form the partner fills in for the merchant. The
    /// <c>signup_reference</c> comes back as <c>applicant.signup_reference</c> on the account Dintero creates.
    /// </summary>
    public static class OnboardingLinks
    {
        public static readonly Uri Onboarding = new Uri("https://onboarding.dintero.com/");

        /// <param name="partnerId">The partner account, e.g. <c>T11200000</c> (its number, 112, goes in the link).</param>
        /// <param name="signupReference">The partner's own key for the merchant; none for a plain link.</param>
        /// <param name="prefilled">The prefill form, which the partner fills in for the merchant.</param>
        public static OnboardingLink For(string partnerId, string? signupReference, bool prefilled)
        {
            if (!AccountIdFormat.IsPartner(partnerId)) throw PartnerOnly.Refusal("Onboarding links", partnerId);
            var reference = string.IsNullOrWhiteSpace(signupReference) ? null : signupReference!.Trim();
            var query = "?partner=" + AccountIdFormat.PartnerNumber(partnerId) + (reference == null ? string.Empty : "&signup_reference=" + Uri.EscapeDataString(reference));
            return new OnboardingLink(partnerId, reference, prefilled, new Uri(Onboarding, (prefilled ? "prefill" : string.Empty) + query).AbsoluteUri);
        }
    }
}
