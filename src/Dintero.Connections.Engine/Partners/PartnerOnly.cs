using Dintero.Connections.Errors;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Partners
{
    /// <summary>The one error for what only a partner does (its merchants, invitations, onboarding links), asked of another account.</summary>
    public static class PartnerOnly
    {
        /// <param name="what">What was asked, e.g. <c>Get-DinteroAccount</c> or <c>Onboarding links</c>.</param>
        /// <param name="accountId">The account it was asked of (the connected one, or the one given); null when none.</param>
        public static DinteroAccessException Refusal(string what, string? accountId) =>
            new DinteroAccessException(DinteroAccessFailure.NotPartner, accountId ?? string.Empty, accountId ?? string.Empty,
                accountId == null
                    ? $"{what}: this needs a partner account, and none is connected ({AccountIdFormat.PartnerRule}). Connect-Dintero with your partner account."
                    : $"{what}: this needs a partner account, and {accountId} is none ({AccountIdFormat.PartnerRule}). Connect-Dintero with your partner account.",
                answer: null);
    }
}
