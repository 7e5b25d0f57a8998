using System;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Checkout
{
    /// <summary>
    /// How the module reaches Dintero's checkout API: with the account's own token (its audience the account's URL, as
    /// for the management API), at a root of its own. A 403 there is a checkout scope the token lacks, said as
    /// <see cref="Auth.ScopedApi.Checkout"/> says it.
    /// </summary>
    public static class CheckoutAccess
    {
        /// <summary>The problem when a client has no checkout root: an API root of its own, and no checkout root given.</summary>
        public static ValidationProblem NoRoot(Uri apiRoot) =>
            new ValidationProblem("CheckoutBaseUri", $"Connected to {apiRoot}, which is not Dintero's API, without a checkout API: give Connect-Dintero -CheckoutBaseUri (or $env:DINTERO_CHECKOUT_BASE_URI), e.g. the emulator's {{root}}/checkout/v1. Dintero's checkout is used only with Dintero's API, so that no other API's token travels to it.");
    }
}
