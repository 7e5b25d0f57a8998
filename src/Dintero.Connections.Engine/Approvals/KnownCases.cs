using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Dintero.Connections.Models;
using Dintero.Connections.Rows;
using Dintero.Connections.Signups;

namespace Dintero.Connections.Approvals
{
    /// <summary>
    /// The cases a run knows of, per account (or seller): those read before it sent (the skip rule's read; under -Force
    /// a read of its own just before the send) and those its sends made. A case read back after a lost answer proves that
    /// send only if it is none of these: an earlier case opened a second before, which Dintero's whole-second clock cannot
    /// tell from a new one, never passes for it. One per spec, so per command: rows of one run run at once.
    /// </summary>
    internal sealed class KnownCases
    {
        private readonly ConcurrentDictionary<string, Known> byKey = new ConcurrentDictionary<string, Known>(StringComparer.Ordinal);

        /// <summary>Whether the cases of <paramref name="key"/> were read by this run already (then a send reads them no more).</summary>
        public bool WereRead(string key)
        {
            if (!byKey.TryGetValue(key, out var known)) return false;
            lock (known) return known.Read;
        }

        /// <summary>Notes the cases read for <paramref name="key"/> before sending.</summary>
        public void Read(string key, IEnumerable<string?> ids)
        {
            var known = byKey.GetOrAdd(key, _ => new Known());
            lock (known)
            {
                foreach (var id in ids) if (id != null) known.Ids.Add(id);
                known.Read = true;
            }
        }

        /// <summary>A send for <paramref name="key"/> starts: until it ends, a case it may make is no other send's proof.</summary>
        public void Sending(string key)
        {
            var known = byKey.GetOrAdd(key, _ => new Known());
            lock (known) known.InFlight++;
        }

        /// <summary>A send for <paramref name="key"/> ended, with the case it made (null when its answer was lost or it was refused).</summary>
        public void Sent(string key, string? madeId)
        {
            var known = byKey.GetOrAdd(key, _ => new Known());
            lock (known)
            {
                known.InFlight--;
                if (madeId != null) known.Ids.Add(madeId);
            }
        }

        /// <summary>
        /// What a read-back of <paramref name="cases"/> proves about a send of <paramref name="key"/> made at
        /// <paramref name="sentOnServerClock"/>: the cases this run knew of are left out, and the rest judged by time
        /// (<see cref="Since{T}"/>). While another send of this run for the same key has no answer yet, a case it may have
        /// made cannot be told from this one's.
        /// </summary>
        public (T? Found, ReadBackJudgement Judgement) Judge<T>(string key, IEnumerable<T> cases, Func<T, bool> matches, DateTimeOffset? sentOnServerClock)
            where T : class, IApprovalCase
        {
            HashSet<string> ids;
            int others;
            var known = byKey.GetOrAdd(key, _ => new Known());
            lock (known)
            {
                ids = new HashSet<string>(known.Ids, StringComparer.OrdinalIgnoreCase);
                others = known.InFlight;
            }
            var unknown = cases.Where(each => !(each.id is { } id && ids.Contains(id))).ToList();
            if (others > 0 && unknown.Any(matches))
            {
                return (null, ReadBackJudgement.CannotTell($"{unknown.Count(matches)} this run did not know of, while another of its rows for the same was being sent"));
            }
            return Since(unknown, matches, sentOnServerClock);
        }

        /// <summary>
        /// What a read-back of cases proves about one sent at <paramref name="sentOnServerClock"/>: one case made since then
        /// (within a second: Dintero's clock has whole seconds) that matches it is this one; none is not stored; two
        /// cannot be told apart, nor can a case when no answer gave Dintero's time.
        /// </summary>
        internal static (T? Found, ReadBackJudgement Judgement) Since<T>(IEnumerable<T> cases, Func<T, bool> matches, DateTimeOffset? sentOnServerClock)
            where T : class, IApprovalCase
        {
            var candidates = cases.Where(matches).ToList();
            if (sentOnServerClock == null) return (null, candidates.Count == 0 ? ReadBackJudgement.NotStored("none") : ReadBackJudgement.CannotTell($"{candidates.Count} with no time of Dintero's to compare with"));
            var since = candidates.Where(each => each.created_at >= sentOnServerClock.Value - ReadBack.Slack).ToList();
            return since.Count switch
            {
                0 => (null, ReadBackJudgement.NotStored(candidates.Count == 0 ? "none" : "none made since it was sent")),
                1 => (since[0], ReadBackJudgement.Proved($"case {since[0].id} ({since[0].case_status})")),
                _ => (null, ReadBackJudgement.CannotTell($"{since.Count} made since it was sent")),
            };
        }

        private sealed class Known
        {
            public readonly HashSet<string> Ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            public bool Read;
            public int InFlight;
        }
    }
}
