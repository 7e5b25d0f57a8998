using System;

namespace Dintero.Connections.Auth
{
    /// <summary>What may be shown about a token: whose it is and when it expires. Never the token.</summary>
    public sealed class TokenInfo
    {
        public TokenInfo(string accountId, string clientId, DateTimeOffset expiresAt)
        {
            AccountId = accountId;
            ClientId = clientId;
            ExpiresAt = expiresAt;
        }

        public string AccountId { get; }

        public string ClientId { get; }

        public DateTimeOffset ExpiresAt { get; }
    }
}
