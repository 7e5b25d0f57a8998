using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace Dintero.Connections.Logging
{
    /// <summary>
    /// Keeps warnings that repeat once per row (a 429 waited out, a retry, a row skipped) to what a runbook's streams can
    /// hold: the first of each condition is shown as it comes, the rest go to Verbose, and one line per condition sums
    /// them up at the end. Azure Automation keeps at most 1 MiB of a job's streams; a warning per row of a faulty
    /// thousand-row run would use a good part of it and bury what matters.
    /// </summary>
    public sealed class RepeatedWarnings
    {
        private readonly ConcurrentDictionary<string, int> counts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        private readonly ConcurrentQueue<string> order = new ConcurrentQueue<string>();

        /// <summary>True for the first warning of its condition (or one of none): show it as a warning; false: write it at Verbose.</summary>
        public bool ShowAsWarning(string? condition)
        {
            if (condition == null) return true;
            var count = counts.AddOrUpdate(condition, _ => 1, (_, seen) => seen + 1);
            if (count == 1) order.Enqueue(condition);
            return count == 1;
        }

        /// <summary>One line per condition seen more than once, in the order they first came.</summary>
        public IReadOnlyList<string> Summary() =>
            order.Where(condition => counts[condition] > 1)
                .Select(condition => $"{condition}: {counts[condition]} times in this command (the first is shown above, each one at -Verbose).")
                .ToList();
    }
}
