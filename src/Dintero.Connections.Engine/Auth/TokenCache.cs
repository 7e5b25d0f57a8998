using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace Dintero.Connections.Auth
{
    /// <summary>
    /// The tokens of one session (in PowerShell: one runspace), keyed by base URI, account id and client id.
    /// The key also holds a hash of the secret, so a rotated secret never reuses a token issued to the old one.
    /// </summary>
    public sealed class TokenCache
    {
        private readonly ConcurrentDictionary<string, Entry> entries = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);

        /// <summary>How many tokens are held now.</summary>
        public int Count
        {
            get
            {
                var count = 0;
                foreach (var entry in entries.Values) if (entry.Token != null) count++;
                return count;
            }
        }

        /// <summary>Forgets every token, as <c>Disconnect-Dintero</c> does.</summary>
        public void Clear()
        {
            foreach (var entry in entries.Values) entry.Token = null;
        }

        internal Entry EntryFor(Uri baseUri, string accountId, ClientCredential credential) =>
            entries.GetOrAdd(KeyOf(baseUri, accountId, credential), _ => new Entry());

        private static string KeyOf(Uri baseUri, string accountId, ClientCredential credential)
        {
            using (var sha = SHA256.Create())
            {
                var secretHash = Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(credential.Secret)));
                return string.Join("\n", baseUri.AbsoluteUri.TrimEnd('/'), accountId, credential.ClientId, secretHash);
            }
        }

        /// <summary>One key's token, and the gate that lets one caller at a time fetch a new one.</summary>
        internal sealed class Entry
        {
            private AccessToken? token;

            public SemaphoreSlim Gate { get; } = new SemaphoreSlim(1, 1);

            public AccessToken? Token
            {
                get => Volatile.Read(ref token);
                set => Volatile.Write(ref token, value);
            }
        }
    }
}
