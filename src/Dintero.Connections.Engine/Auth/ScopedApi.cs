using System.Net.Http;
using Dintero.Connections.Clients;
using Dintero.Connections.Errors;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Auth
{
    /// <summary>
    /// An API of Dintero's that wants a scope of its own beside the account's (the checkout API, webhooks), and the one
    /// reading of its 403: the token was had for the account, so the refusal is the scope it lacks, said with the scopes
    /// that would serve and what to do about it. A read is served by the API's admin or read scope, anything else by
    /// its admin scope; the scopes' names are <see cref="ClientScopes"/>'.
    /// </summary>
    public sealed class ScopedApi
    {
        /// <summary>
        /// Whether a merchant token bought through a partner's exchange carries the scopes of the partner's own client.
        /// UNCERTAIN: Dintero's partner guide (docs/partners/manage-merchants-via-api) has the partner create a merchant's
        /// checkout client with that token, which needs admin:accounts, and says nothing of checkout or webhook calls
        /// with it; the module reads it as carrying the partner client's grant. A partner whose grant lacks a scope gets
        /// the 403 that <see cref="MissingScope"/> explains; the emulator can be told to answer so for the checkout
        /// (EmulatorOptions.ExchangedTokensWithoutCheckout).
        /// </summary>
        public const bool ExchangedTokenCarriesPartnerScopes = true;

        /// <summary>Dintero's checkout API (payment profiles): admin:checkout, or read:checkout to read.</summary>
        public static readonly ScopedApi Checkout = new ScopedApi("checkout API", ClientScopes.CheckoutAdmin, ClientScopes.CheckoutRead);

        /// <summary>An account's webhook subscriptions and their deliveries: admin:hooks, or read:hooks to read.</summary>
        public static readonly ScopedApi Webhooks = new ScopedApi("webhooks API", ClientScopes.HooksAdmin, ClientScopes.HooksRead);

        private ScopedApi(string name, string adminScope, string readScope)
        {
            Name = name;
            AdminScope = adminScope;
            ReadScope = readScope;
        }

        /// <summary>What the messages call it, e.g. "checkout API".</summary>
        public string Name { get; }

        /// <summary>The scope that does everything, and that the advice asks for.</summary>
        public string AdminScope { get; }

        /// <summary>The scope that serves reads too.</summary>
        public string ReadScope { get; }

        /// <summary>The scopes that serve a call, as the message names them: "admin:hooks or read:hooks" for a read.</summary>
        public string Wanted(HttpMethod method) => method == HttpMethod.Get ? $"{AdminScope} or {ReadScope}" : AdminScope;

        /// <summary>
        /// Whether Dintero's answer is a missing scope: a 403 for an account the connected client reaches (its own, or a
        /// partner's merchant, whose token the exchange gave), so that the token itself was not the refusal.
        /// </summary>
        /// <param name="answer">Dintero's answer to the call.</param>
        /// <param name="accountId">The account the call was for.</param>
        /// <param name="connectedAccountId">The account the client is connected to; null when the client names none.</param>
        public static bool IsMissingScope(DinteroApiException answer, string accountId, string? connectedAccountId) =>
            answer.StatusCode == 403 && (connectedAccountId == null || connectedAccountId == accountId || AccountIdFormat.IsPartner(connectedAccountId));

        /// <summary>A 403 of <see cref="IsMissingScope"/> from this API, said with the scope it lacks and what to do.</summary>
        /// <param name="accountId">The account the call was for.</param>
        /// <param name="connectedAccountId">The account the client is connected to (a partner's, or the merchant's own).</param>
        /// <param name="method">The call's method: a read names the read scope too.</param>
        /// <param name="answer">Dintero's answer.</param>
        public DinteroAccessException MissingScope(string accountId, string? connectedAccountId, HttpMethod method, DinteroApiException answer)
        {
            var connected = connectedAccountId ?? accountId;
            var refused = $"({answer.StatusCode}: {answer.DinteroMessage})";
            var viaPartner = AccountIdFormat.IsPartner(connected) && accountId != connected;
            var description = viaPartner
                ? $"Dintero's {Name} refused the token for merchant {accountId} {refused}: it lacks the scope {Wanted(method)}. The merchant's token comes through partner {connected}'s token exchange{(ExchangedTokenCarriesPartnerScopes ? ", and carries the scopes of the partner's own client (the module's reading of Dintero's documentation, not confirmed)" : string.Empty)}."
                : $"Dintero's {Name} refused the token for account {accountId} {refused}: the API client lacks the scope {Wanted(method)}.";
            var advice = viaPartner
                ? $"Ask Dintero to give your partner client a grant with {AdminScope}, or connect with a client of the merchant's own that has one (New-DinteroApiClient -AccountId {accountId} -Scope {AdminScope} makes one)."
                : $"Give the API client a grant with {AdminScope} (Dintero's Backoffice, Settings > API clients), or connect with a client that has one.";
            return new DinteroAccessException(DinteroAccessFailure.MissingScope, accountId, connected, description, advice, answer);
        }
    }
}
