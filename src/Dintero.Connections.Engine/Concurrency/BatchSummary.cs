using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dintero.Connections.Rows;

namespace Dintero.Connections.Concurrency
{
    /// <summary>
    /// The counts a batch ends with, and the one line that says them: how many records, how each ended (a signup's
    /// Created or Skipped, a read's Read, Failed, Unknown, ...), each failure's ErrorId, what stopped the batch early, and how
    /// to go on. Counted on the owner's thread, in the order outcomes are written.
    /// </summary>
    public sealed class BatchSummary
    {
        private readonly Dictionary<string, int> outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly List<string> outcomeOrder = new List<string>();
        private readonly Dictionary<string, int> errors = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly Dictionary<RowOutcome, int> byOutcome = new Dictionary<RowOutcome, int>();

        /// <summary>Records counted so far.</summary>
        public int Records { get; private set; }

        /// <summary>Records by outcome, in the order each outcome was first seen.</summary>
        public IReadOnlyList<KeyValuePair<string, int>> Outcomes => outcomeOrder.Select(name => new KeyValuePair<string, int>(name, outcomes[name])).ToList();

        /// <summary>The records that ended in one of the row outcomes (a creator's, or any command's failures), for the command that goes on.</summary>
        public IReadOnlyDictionary<RowOutcome, int> ByOutcome => byOutcome;

        /// <summary>What ended the batch before its input did (an error that leaves nothing able to run); null when nothing did.</summary>
        public string? StoppedBy { get; set; }

        /// <summary>Counts one record's end in the row outcomes' vocabulary (Created, Skipped, Failed, Unknown, NotSent, ...).</summary>
        /// <param name="outcome">How it ended.</param>
        /// <param name="errorId">A failure's ErrorId.</param>
        public void Count(RowOutcome outcome, string? errorId = null)
        {
            byOutcome[outcome] = byOutcome.TryGetValue(outcome, out var seen) ? seen + 1 : 1;
            Count(outcome.ToString(), errorId);
        }

        /// <summary>Counts one record whose call returned, in its command's word for that (<see cref="DoneWord"/>).</summary>
        public void CountDone(string word) => Count(word, null);

        /// <summary>What a record whose call returned counts as, said by its cmdlet's verb: Read, Changed, Created, ...</summary>
        public static string DoneWord(string verb) => verb switch
        {
            "Get" => "Read",
            "Set" => "Changed",
            "New" => "Created",
            "Remove" => "Removed",
            "Reset" => "Reset",
            "Wait" => "Reached",
            "Invoke" => "Answered",
            _ => "Done",
        };

        private void Count(string outcome, string? errorId)
        {
            Records++;
            if (!outcomes.ContainsKey(outcome))
            {
                outcomes[outcome] = 0;
                outcomeOrder.Add(outcome);
            }
            outcomes[outcome]++;
            if (errorId != null) errors[errorId] = errors.TryGetValue(errorId, out var seen) ? seen + 1 : 1;
        }

        /// <summary>
        /// The line, e.g. <c>New-DinteroCommonConnection: 1,000 rows in 5.2 s: Created 987, Failed 13 (Dintero.Api.500 13).
        /// To go on ...</c>; null for a batch of one record or none, whose outcome says all.
        /// </summary>
        /// <param name="command">The cmdlet's name.</param>
        /// <param name="elapsed">How long the batch took.</param>
        /// <param name="resume">The command that goes on, when there is one.</param>
        public string? Text(string command, TimeSpan elapsed, string? resume)
        {
            if (Records <= 1 && StoppedBy == null) return null;
            var counts = string.Join(", ", Outcomes.Select(pair => $"{pair.Key} {pair.Value.ToString("N0", CultureInfo.InvariantCulture)}"));
            var text = $"{command}: {Records.ToString("N0", CultureInfo.InvariantCulture)} {(Records == 1 ? "row" : "rows")} in {elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s: {counts}.";
            if (errors.Count > 0) text += " Errors: " + string.Join(", ", errors.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key} {pair.Value}")) + ".";
            if (StoppedBy != null) text += " " + StoppedBy;
            if (resume != null) text += " " + resume;
            return text;
        }
    }
}
