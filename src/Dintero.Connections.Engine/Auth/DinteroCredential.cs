using System;

namespace Dintero.Connections.Auth
{
    /// <summary>
    /// A Dintero API client's id and secret. The secret is readable only inside the engine; <see cref="ToString"/>
    /// and every public property leave it out, so printing the object shows nothing secret.
    /// </summary>
    public sealed class DinteroCredential
    {
        public DinteroCredential(string clientId, string clientSecret)
        {
            if (string.IsNullOrWhiteSpace(clientId)) throw new ArgumentException("A client id is required.", nameof(clientId));
            if (string.IsNullOrEmpty(clientSecret)) throw new ArgumentException("A client secret is required.", nameof(clientSecret));
            ClientId = clientId;
            Secret = clientSecret;
        }

        public string ClientId { get; }

        internal string Secret { get; }

        public override string ToString() => $"{ClientId} (secret hidden)";
    }
}
