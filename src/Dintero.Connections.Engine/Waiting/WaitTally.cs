using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;

namespace Dintero.Connections.Waiting
{
    /// <summary>How many of the connections waited for are in each status now; what a progress bar shows.</summary>
    public sealed class WaitTally
    {
        private static readonly string[] Order = { "enabled", "pending", "failed", "declined" };
        private readonly Dictionary<string, string?> statusByItem = new Dictionary<string, string?>();
        private int timedOut;

        /// <summary>Records the status an item was last seen in.</summary>
        public void Seen(string item, string? status)
        {
            lock (statusByItem) statusByItem[item] = status;
        }

        public void TimedOut() => Interlocked.Increment(ref timedOut);

        /// <summary>e.g. "3 enabled, 5 pending, 1 failed".</summary>
        public override string ToString()
        {
            Dictionary<string, int> counts;
            lock (statusByItem) counts = statusByItem.Values.GroupBy(status => status ?? "unread").ToDictionary(group => group.Key, group => group.Count());
            var parts = Order.Where(counts.ContainsKey).Select(status => $"{counts[status]} {status}")
                .Concat(counts.Keys.Except(Order).OrderBy(status => status).Select(status => $"{counts[status]} {status}")).ToList();
            var late = Volatile.Read(ref timedOut);
            if (late > 0) parts.Add(late.ToString(CultureInfo.InvariantCulture) + " timed out");
            return parts.Count == 0 ? "starting" : string.Join(", ", parts);
        }
    }
}
