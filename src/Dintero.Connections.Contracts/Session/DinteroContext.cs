using System;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Session
{
    /// <summary>
    /// One connection to Dintero: an account, the API client's id and the base URI. What <c>Connect-Dintero
    /// -PassThru</c> and <c>Get-DinteroContext</c> return and what <c>-Context</c> takes. It shows the token's
    /// expiry, never the token or the secret.
    /// </summary>
    /// <remarks>
    /// It lives in the contracts, beside the models, because users see and name it (a parameter type, a type
    /// literal). The engine's HTTP client behind it is held as an opaque handle: the contracts know nothing of
    /// the engine, which loads in isolation (see the module's Loading folder).
    /// </remarks>
    public sealed class DinteroContext : IDisposable
    {
        internal DinteroContext(string accountId, string clientId, Uri baseUri, DateTimeOffset tokenExpiresAt, DateTimeOffset connectedAt, IDisposable api)
        {
            AccountId = accountId;
            ClientId = clientId;
            BaseUri = baseUri;
            TokenExpiresAt = tokenExpiresAt;
            ConnectedAt = connectedAt;
            Api = api;
        }

        /// <summary>The default account of the cmdlets that use this context.</summary>
        public string AccountId { get; }

        /// <summary><c>Test</c> for a T account, <c>Production</c> for a P account.</summary>
        public string Environment => AccountIdFormat.IsTest(AccountId) ? "Test" : "Production";

        /// <summary>
        /// True when connected to a partner account (its id ends in five zeros): -AccountId then reaches the partner's
        /// merchants, each through Dintero's token exchange.
        /// </summary>
        public bool IsPartner => AccountIdFormat.IsPartner(AccountId);

        /// <summary><c>Partner</c> or <c>Merchant</c>: whose client this is.</summary>
        public string Role => IsPartner ? "Partner" : "Merchant";

        public string ClientId { get; }

        public Uri BaseUri { get; }

        /// <summary>The checkout API's root (payment profiles); null when the context has an API root of its own and was given none.</summary>
        public Uri? CheckoutBaseUri { get; internal set; }

        /// <summary>When the token fetched at connection time expires; later tokens are fetched as needed.</summary>
        public DateTimeOffset TokenExpiresAt { get; }

        public DateTimeOffset ConnectedAt { get; }

        /// <summary>Which way requests leave: a proxy's address and where it came from (given, the environment), <c>system</c>, or <c>none (direct)</c>.</summary>
        public string Proxy { get; internal set; } = "system";

        /// <summary>Retries after a first attempt that Dintero answered 429, 502, 503 or 504, or that got no answer (a POST that may have arrived is never sent again).</summary>
        public int MaxRetries { get; internal set; }

        /// <summary>How long one attempt may take before it is abandoned.</summary>
        public TimeSpan RequestTimeout { get; internal set; }

        /// <summary>The longest Retry-After the client waits out by itself; a longer one fails the call as Dintero.Throttled.</summary>
        public TimeSpan MaxRetryAfter { get; internal set; }

        /// <summary>False once disconnected.</summary>
        public bool IsConnected { get; private set; } = true;

        /// <summary>The engine's API; read back by the engine only (its <c>ContextApi</c>).</summary>
        internal IDisposable Api { get; }

        public override string ToString() => $"{(IsPartner ? "partner " : string.Empty)}{AccountId} ({Environment}) as {ClientId} at {BaseUri}";

        /// <summary>Closes the connection: the API forgets the tokens it was issued, and refuses further calls.</summary>
        public void Dispose()
        {
            if (!IsConnected) return;
            IsConnected = false;
            Api.Dispose();
        }
    }
}
