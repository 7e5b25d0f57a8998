using System;
using Dintero.Connections.Http;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Session
{
    /// <summary>
    /// One connection to Dintero: an account, the API client's id and the base URI, with its HTTP client and
    /// token cache. What <c>Connect-Dintero -PassThru</c> returns and what <c>-Connection</c> takes.
    /// It shows the token's expiry, never the token or the secret.
    /// </summary>
    public sealed class DinteroContext : IDisposable
    {
        internal DinteroContext(DinteroClient client, string accountId, DateTimeOffset tokenExpiresAt, DateTimeOffset connectedAt)
        {
            Client = client;
            AccountId = accountId;
            TokenExpiresAt = tokenExpiresAt;
            ConnectedAt = connectedAt;
        }

        /// <summary>The default account of the cmdlets that use this context.</summary>
        public string AccountId { get; }

        /// <summary><c>Test</c> for a T account, <c>Production</c> for a P account.</summary>
        public string Environment => Validation.AccountId.IsTest(AccountId) ? "Test" : "Production";

        public string ClientId => Client.Credential.ClientId;

        public Uri BaseUri => Client.BaseUri;

        /// <summary>When the token fetched at connection time expires; later tokens are fetched as needed.</summary>
        public DateTimeOffset TokenExpiresAt { get; }

        public DateTimeOffset ConnectedAt { get; }

        /// <summary>False once disconnected.</summary>
        public bool IsConnected { get; private set; } = true;

        internal DinteroClient Client { get; }

        /// <summary>The client for calls; throws when the context was disconnected.</summary>
        public DinteroClient GetClient()
        {
            if (!IsConnected) throw new ObjectDisposedException(nameof(DinteroContext), $"The connection to account {AccountId} was closed by Disconnect-Dintero; run Connect-Dintero again.");
            return Client;
        }

        public override string ToString() => $"{AccountId} ({Environment}) as {ClientId} at {BaseUri}";

        public void Dispose()
        {
            if (!IsConnected) return;
            IsConnected = false;
            Client.TokenCache.Clear();
            Client.Dispose();
        }
    }
}
