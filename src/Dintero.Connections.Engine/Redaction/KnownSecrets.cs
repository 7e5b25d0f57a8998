using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace Dintero.Connections.Redaction
{
    /// <summary>
    /// The values a session must mask wherever they appear (its client secret, proxy passwords, every token it holds),
    /// found in one pass over a text whose cost does not grow with how many there are: a session that has touched
    /// 100,000 merchants holds tens of thousands of tokens, and every log line is masked.
    /// </summary>
    /// <remarks>
    /// A value of <see cref="Window"/> characters or more is indexed by a hash of its last <see cref="Window"/>
    /// characters (a JWT's first ones are its header, the same in every token; its last ones, the signature, are its
    /// own); masking slides a rolling hash of that width along the text (Rabin–Karp) and looks each position up,
    /// comparing a candidate ending there in full only where the hash matches. A pass costs O(text length), whatever the number of
    /// values; adding and removing a value costs O(1). Shorter values (a short client secret, a proxy password) are few
    /// and are searched for one by one. Chosen over Aho–Corasick, whose automaton must be rebuilt when values come and go:
    /// tokens come with each merchant and go when they expire.
    /// </remarks>
    public sealed class KnownSecrets
    {
        /// <summary>The width of the rolling hash: values this long or longer are indexed; no token is shorter.</summary>
        public const int Window = 16;

        /// <summary>Values shorter than this would mask ordinary words; they are no real secret.</summary>
        public const int Shortest = 4;

        private const ulong Base = 1_099_511_628_211UL;

        // The weight of the character leaving the window: Base^(Window - 1).
        private static readonly ulong Leaving = Power(Base, Window - 1);

        private readonly ConcurrentDictionary<ulong, string[]> indexed = new ConcurrentDictionary<ulong, string[]>();
        private readonly object shortGate = new object();
        private string[] shortValues = Array.Empty<string>();
        private int count;
        private long probes;

        /// <summary>How many values are held.</summary>
        public int Count => Volatile.Read(ref count);

        /// <summary>
        /// Work done by <see cref="FindIn"/> so far: one for each window position looked up, each candidate compared and
        /// each short value searched for. What a test counts to show the cost of a pass does not grow with <see cref="Count"/>.
        /// </summary>
        public long Probes => Interlocked.Read(ref probes);

        /// <summary>Holds a value to mask from now on; a value already held, or too short to be one, is left.</summary>
        public void Add(string? value)
        {
            if (value == null || value.Length < Shortest) return;
            if (value.Length < Window)
            {
                lock (shortGate)
                {
                    if (Array.IndexOf(shortValues, value) >= 0) return;
                    var grown = new string[shortValues.Length + 1];
                    shortValues.CopyTo(grown, 0);
                    grown[grown.Length - 1] = value;
                    // Longest first, so that a value holding another is masked whole.
                    Array.Sort(grown, (a, b) => b.Length.CompareTo(a.Length));
                    shortValues = grown;
                }
                Interlocked.Increment(ref count);
                return;
            }
            var added = false;
            indexed.AddOrUpdate(HashOf(value, value.Length - Window), _ => { added = true; return new[] { value }; }, (_, held) =>
            {
                added = Array.IndexOf(held, value) < 0;
                if (!added) return held;
                var grown = new string[held.Length + 1];
                held.CopyTo(grown, 0);
                grown[grown.Length - 1] = value;
                return grown;
            });
            if (added) Interlocked.Increment(ref count);
        }

        /// <summary>Stops masking a value (a token that expired, or was let go with its merchant).</summary>
        public void Remove(string? value)
        {
            if (value == null || value.Length < Window) return;
            var key = HashOf(value, value.Length - Window);
            while (indexed.TryGetValue(key, out var held))
            {
                var at = Array.IndexOf(held, value);
                if (at < 0) return;
                if (held.Length == 1)
                {
                    if (((ICollection<KeyValuePair<ulong, string[]>>)indexed).Remove(new KeyValuePair<ulong, string[]>(key, held)))
                    {
                        Interlocked.Decrement(ref count);
                        return;
                    }
                    continue;
                }
                var shrunk = new string[held.Length - 1];
                Array.Copy(held, 0, shrunk, 0, at);
                Array.Copy(held, at + 1, shrunk, at, held.Length - at - 1);
                if (indexed.TryUpdate(key, shrunk, held))
                {
                    Interlocked.Decrement(ref count);
                    return;
                }
            }
        }

        /// <summary>
        /// Where held values occur in <paramref name="text"/>: start and length of each, in order, overlapping ones merged;
        /// null when none does.
        /// </summary>
        public List<(int Start, int Length)>? FindIn(string text)
        {
            List<(int Start, int Length)>? found = null;
            var work = 0L;
            foreach (var value in Volatile.Read(ref shortValues))
            {
                work++;
                for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
                {
                    (found ??= new List<(int, int)>()).Add((at, value.Length));
                }
            }
            if (!indexed.IsEmpty && text.Length >= Window)
            {
                var hash = HashOf(text, 0);
                for (var start = 0; ; start++)
                {
                    work++;
                    if (indexed.TryGetValue(hash, out var candidates))
                    {
                        // A candidate ends where the window ends: it starts as far back as it is long.
                        var end = start + Window;
                        foreach (var candidate in candidates)
                        {
                            work++;
                            var begin = end - candidate.Length;
                            if (begin >= 0 && string.CompareOrdinal(text, begin, candidate, 0, candidate.Length) == 0) (found ??= new List<(int, int)>()).Add((begin, candidate.Length));
                        }
                    }
                    if (start + Window >= text.Length) break;
                    hash = unchecked((hash - text[start] * Leaving) * Base + text[start + Window]);
                }
            }
            Interlocked.Add(ref probes, work);
            return found == null ? null : Merged(found);
        }

        /// <summary>The text with every held value replaced by <paramref name="mask"/>.</summary>
        public string Mask(string text, string mask)
        {
            var found = FindIn(text);
            if (found == null) return text;
            var builder = new System.Text.StringBuilder(text.Length);
            var at = 0;
            foreach (var (start, length) in found)
            {
                builder.Append(text, at, start - at).Append(mask);
                at = start + length;
            }
            return builder.Append(text, at, text.Length - at).ToString();
        }

        private static List<(int Start, int Length)> Merged(List<(int Start, int Length)> found)
        {
            found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
            var merged = new List<(int Start, int Length)>(found.Count);
            foreach (var (start, length) in found)
            {
                if (merged.Count > 0)
                {
                    var last = merged[merged.Count - 1];
                    if (start < last.Start + last.Length)
                    {
                        var end = Math.Max(last.Start + last.Length, start + length);
                        merged[merged.Count - 1] = (last.Start, end - last.Start);
                        continue;
                    }
                }
                merged.Add((start, length));
            }
            return merged;
        }

        private static ulong HashOf(string text, int start)
        {
            ulong hash = 0;
            for (var i = 0; i < Window; i++) hash = unchecked(hash * Base + text[start + i]);
            return hash;
        }

        private static ulong Power(ulong value, int exponent)
        {
            ulong result = 1;
            for (var i = 0; i < exponent; i++) result = unchecked(result * value);
            return result;
        }
    }
}
