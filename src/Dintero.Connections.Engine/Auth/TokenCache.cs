using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace Dintero.Connections.Auth
{
    /// <summary>
    /// The tokens of one session (in PowerShell: one runspace), keyed by base URI, client id, a hash of the secret
    /// (so a rotated secret never reuses a token issued to the old one) and account id. Every client of the session
    /// shares it; each client forgets only the tokens it was issued when it is closed.
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

        /// <summary>
        /// The part of the cache that belongs to one client (base URI and credential). The secret is hashed here,
        /// once per client, not on every call.
        /// </summary>
        internal Partition PartitionFor(Uri baseUri, ClientCredential credential)
        {
            using (var sha = SHA256.Create())
            {
                var secretHash = Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(credential.Secret)));
                return new Partition(this, string.Join("\n", baseUri.AbsoluteUri.TrimEnd('/'), credential.ClientId, secretHash) + "\n");
            }
        }

        /// <summary>One client's view of the cache: an entry per account, and the accounts this client used.</summary>
        internal sealed class Partition
        {
            private readonly TokenCache cache;
            private readonly string prefix;
            private readonly ConcurrentDictionary<string, Entry> used = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);

            public Partition(TokenCache cache, string prefix)
            {
                this.cache = cache;
                this.prefix = prefix;
            }

            public Entry For(string accountId) =>
                used.TryGetValue(accountId, out var entry) ? entry : used.GetOrAdd(accountId, cache.entries.GetOrAdd(prefix + accountId, _ => new Entry()));

            /// <summary>Drops the tokens (and remembered refusals) of the accounts this client used; other accounts' and clients' stay.</summary>
            public void Forget()
            {
                foreach (var entry in used.Values)
                {
                    entry.Token = null;
                    entry.Refusal = null;
                }
            }
        }

        /// <summary>Why no token is to be had for an account, and until when that answer stands without asking Dintero again.</summary>
        internal sealed class Refused
        {
            public Refused(Exception exception, DateTimeOffset until)
            {
                Exception = exception;
                Until = until;
            }

            public Exception Exception { get; }

            public DateTimeOffset Until { get; }
        }

        /// <summary>One key's token, and the gate that lets one caller at a time fetch a new one.</summary>
        internal sealed class Entry
        {
            private AccessToken? token;
            private Refused? refusal;

            /// <summary>A refusal to remember, so many rows for one account send one token request, not one each.</summary>
            public Refused? Refusal
            {
                get => Volatile.Read(ref refusal);
                set => Volatile.Write(ref refusal, value);
            }

            public SemaphoreSlim Gate { get; } = new SemaphoreSlim(1, 1);

            public AccessToken? Token
            {
                get => Volatile.Read(ref token);
                set => Volatile.Write(ref token, value);
            }
        }
    }
}
