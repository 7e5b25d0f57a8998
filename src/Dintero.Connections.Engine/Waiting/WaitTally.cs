using System.Collections.Generic;
using System.Linq;

namespace Dintero.Connections.Waiting
{
    /// <summary>How many of the connections waited for are in each status now; what a progress bar shows.</summary>
    public sealed class WaitTally
    {
        /// <summary>What an item counts as once its time ran out.</summary>
        public const string TimedOutStatus = "timed out";

        private static readonly string[] Order = Validation.KnownValues.ConnectionStatuses.Append(TimedOutStatus).ToArray();
        private readonly Dictionary<string, string?> statusByItem = new Dictionary<string, string?>();

        /// <summary>Records the status an item was last seen in.</summary>
        public void Seen(string item, string? status)
        {
            lock (statusByItem) statusByItem[item] = status;
        }

        /// <summary>e.g. "3 enabled, 5 pending, 1 failed".</summary>
        public override string ToString()
        {
            Dictionary<string, int> counts;
            lock (statusByItem) counts = statusByItem.Values.GroupBy(status => status ?? "unread").ToDictionary(group => group.Key, group => group.Count());
            var parts = Order.Where(counts.ContainsKey).Select(status => $"{counts[status]} {status}")
                .Concat(counts.Keys.Except(Order).OrderBy(status => status).Select(status => $"{counts[status]} {status}")).ToList();
            return parts.Count == 0 ? "starting" : string.Join(", ", parts);
        }
    }
}
