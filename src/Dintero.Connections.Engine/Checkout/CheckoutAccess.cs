using System;
using Dintero.Connections.Clients;
using Dintero.Connections.Errors;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Checkout
{
    /// <summary>
    /// How the module reaches Dintero's checkout API, and what it says when it cannot: the checkout API takes the account's
    /// own token (its audience the account's URL, as for the management API), and wants a checkout scope.
    /// </summary>
    public static class CheckoutAccess
    {
        /// <summary>
        /// Whether a merchant token bought through a partner's exchange carries the checkout scope of the partner's client.
        /// UNCERTAIN: Dintero's partner guide (docs/partners/manage-merchants-via-api) has the partner create a merchant's
        /// checkout client with that token, which needs admin:accounts, and says nothing of checkout calls with it; the
        /// module reads it as carrying the partner client's grant, checkout scope included when the grant has it. A
        /// partner whose grant lacks it gets the 403 that <see cref="Refused"/> explains; the emulator can be told to
        /// answer so (EmulatorOptions.ExchangedTokensWithoutCheckout).
        /// </summary>
        public const bool ExchangedTokenCarriesPartnerScopes = true;

        /// <summary>A 403 from the checkout API: the token lacks the scope, said with what to do about it.</summary>
        /// <param name="accountId">The account the call was for.</param>
        /// <param name="connectedAccountId">The account the client is connected to (a partner's, or the merchant's own).</param>
        /// <param name="refused">Dintero's answer.</param>
        /// <param name="read">True for a read, which read:checkout serves too.</param>
        public static DinteroAccessException Refused(string accountId, string? connectedAccountId, DinteroApiException refused, bool read)
        {
            var connected = connectedAccountId ?? accountId;
            var scope = read ? $"{ClientScopes.CheckoutAdmin} or {ClientScopes.CheckoutRead}" : ClientScopes.CheckoutAdmin;
            var viaPartner = AccountIdFormat.IsPartner(connected) && accountId != connected;
            var description = viaPartner
                ? $"Dintero's checkout API refused the token for merchant {accountId} ({refused.StatusCode}: {refused.DinteroMessage}): it lacks the checkout scope {scope}. The merchant's token comes through partner {connected}'s token exchange{(ExchangedTokenCarriesPartnerScopes ? ", and carries the scopes of the partner's own client (the module's reading of Dintero's documentation, not confirmed)" : string.Empty)}."
                : $"Dintero's checkout API refused the token for account {accountId} ({refused.StatusCode}: {refused.DinteroMessage}): the API client lacks the checkout scope {scope}.";
            var advice = viaPartner
                ? $"Ask Dintero to give your partner client a grant with {ClientScopes.CheckoutAdmin}, or connect with the merchant's own client (New-DinteroApiClient makes one with that grant)."
                : $"Give the API client a grant with {ClientScopes.CheckoutAdmin} (Dintero's Backoffice, Settings > API clients), or use a client that has one.";
            return new DinteroAccessException(DinteroAccessFailure.MissingScope, accountId, connected, description, advice, refused);
        }

        /// <summary>The problem when a client has no checkout root: an API root of its own, and no checkout root given.</summary>
        public static ValidationProblem NoRoot(Uri apiRoot) =>
            new ValidationProblem("CheckoutBaseUri", $"Connected to {apiRoot}, which is not Dintero's API, without a checkout API: give Connect-Dintero -CheckoutBaseUri (or $env:DINTERO_CHECKOUT_BASE_URI), e.g. the emulator's {{root}}/checkout/v1. Dintero's checkout is used only with Dintero's API, so that no other API's token travels to it.");
    }
}
