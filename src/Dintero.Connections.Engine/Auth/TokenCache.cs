using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
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
    /// <remarks>
    /// Bounded by what the session can still use: at most <see cref="Capacity"/> accounts, the ones touched last. A
    /// partner's session over a book of 100,000 merchants keeps the tokens of the last few thousand it touched, not one
    /// per merchant for the session's life: a merchant's calls come together (a row's reads, a signup and its wait), and a
    /// merchant let go costs an exchange and a token when it is touched again. A token that expired is replaced when its
    /// account is next touched; either way the token dropped is told to its client (<see cref="Partition"/>), whose
    /// redactor stops masking it by value.
    /// </remarks>
    public sealed class TokenCache
    {
        /// <summary>The accounts a session keeps tokens for by default: the partner bench's book of 1,000 twice over.</summary>
        public const int DefaultCapacity = 2048;

        private readonly ConcurrentDictionary<string, Entry> entries = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);
        private readonly object trimming = new object();

        /// <param name="capacity">How many accounts' tokens are kept at most.</param>
        public TokenCache(int capacity = DefaultCapacity)
        {
            if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), "A token cache keeps at least one account.");
            Capacity = capacity;
        }

        /// <summary>How many accounts' tokens are kept at most; the ones touched longest ago are let go first.</summary>
        public int Capacity { get; }

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

        /// <summary>How many accounts have an entry (a token, a remembered refusal, or a request under way).</summary>
        public int Accounts => entries.Count;

        /// <summary>
        /// The part of the cache that belongs to one client (base URI and credential). The secret is hashed here,
        /// once per client, not on every call.
        /// </summary>
        /// <param name="baseUri">The client's API root.</param>
        /// <param name="credential">The client's credential.</param>
        /// <param name="dropped">Told of each token of this client the cache lets go of (replaced, expired, evicted, forgotten).</param>
        internal Partition PartitionFor(Uri baseUri, DinteroCredential credential, Action<AccessToken>? dropped = null)
        {
            using (var sha = SHA256.Create())
            {
                var secretHash = Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(credential.Secret)));
                return new Partition(this, string.Join("\n", baseUri.AbsoluteUri.TrimEnd('/'), credential.ClientId, secretHash) + "\n", dropped);
            }
        }

        // Lets go of the accounts touched longest ago, down to the capacity, when the cache has grown a quarter past it:
        // a sort of some thousand entries every few hundred new accounts, whatever the size of the book.
        private void TrimIfFull()
        {
            if (entries.Count <= Capacity + Math.Max(1, Capacity / 4)) return;
            if (!Monitor.TryEnter(trimming)) return;
            try
            {
                var surplus = entries.Count - Capacity;
                if (surplus <= 0) return;
                // Not one in use: a request for its token under way holds its gate.
                var oldest = entries.Where(pair => pair.Value.Gate.CurrentCount == 1)
                    .OrderBy(pair => pair.Value.LastUsed)
                    .Take(surplus)
                    .ToList();
                foreach (var pair in oldest)
                {
                    if (((ICollection<KeyValuePair<string, Entry>>)entries).Remove(pair)) pair.Value.Drop();
                }
            }
            finally
            {
                Monitor.Exit(trimming);
            }
        }

        /// <summary>One client's view of the cache: an entry per account.</summary>
        internal sealed class Partition
        {
            private readonly TokenCache cache;
            private readonly string prefix;
            private readonly Action<AccessToken>? dropped;

            public Partition(TokenCache cache, string prefix, Action<AccessToken>? dropped)
            {
                this.cache = cache;
                this.prefix = prefix;
                this.dropped = dropped;
            }

            /// <summary>The account's entry, made when first asked for; touching it keeps it from being let go.</summary>
            public Entry For(string accountId)
            {
                if (!cache.entries.TryGetValue(prefix + accountId, out var entry))
                {
                    entry = cache.entries.GetOrAdd(prefix + accountId, _ => new Entry(this));
                    cache.TrimIfFull();
                }
                entry.Touch();
                return entry;
            }

            /// <summary>Drops the tokens (and remembered refusals) of this client; other clients' stay.</summary>
            public void Forget()
            {
                foreach (var pair in cache.entries)
                {
                    if (!pair.Key.StartsWith(prefix, StringComparison.Ordinal)) continue;
                    pair.Value.Token = null;
                    pair.Value.Refusal = null;
                }
            }

            internal void Dropped(AccessToken token) => dropped?.Invoke(token);
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
            private readonly Partition partition;
            private AccessToken? token;
            private Refused? refusal;
            private long lastUsed;

            public Entry(Partition partition)
            {
                this.partition = partition;
                // Touched as it is made: a new entry is the last one a trim lets go of, not the first.
                Touch();
            }

            /// <summary>A refusal to remember, so many rows for one account send one token request, not one each.</summary>
            public Refused? Refusal
            {
                get => Volatile.Read(ref refusal);
                set => Volatile.Write(ref refusal, value);
            }

            public SemaphoreSlim Gate { get; } = new SemaphoreSlim(1, 1);

            /// <summary>The token; setting another (or none) lets go of the one before, which its client stops masking.</summary>
            public AccessToken? Token
            {
                get => Volatile.Read(ref token);
                set
                {
                    var before = Interlocked.Exchange(ref token, value);
                    if (before != null && !ReferenceEquals(before, value)) partition.Dropped(before);
                }
            }

            /// <summary>When it was last asked for (Stopwatch ticks).</summary>
            public long LastUsed => Volatile.Read(ref lastUsed);

            public void Touch() => Volatile.Write(ref lastUsed, Stopwatch.GetTimestamp());

            /// <summary>The cache let go of it: its token is dropped as if replaced by none.</summary>
            public void Drop() => Token = null;
        }
    }
}
