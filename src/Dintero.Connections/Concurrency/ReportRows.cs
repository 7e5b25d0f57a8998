using System.Collections.Generic;
using System.Management.Automation;
using Dintero.Connections.Signups;

namespace Dintero.Connections.Concurrency
{
    /// <summary>
    /// The rows of a command's -ReportVariable, as the reports of runs keep them (Signups/ReportedRun,
    /// Clients/ReportedClientRun): a list set in the caller's scope when the command starts, as -ErrorVariable is, each
    /// row added as its record ends, so that a stopped command leaves the rows it got to. The engine's report classes
    /// decide the columns; this only keeps the rows, under the report's type name.
    /// </summary>
    internal sealed class ReportRows
    {
        private readonly List<PSObject> rows = new List<PSObject>();
        private readonly string typeName;

        private ReportRows(string typeName) => this.typeName = typeName;

        /// <summary>The rows kept in <paramref name="variable"/>; null when no -ReportVariable was given.</summary>
        public static ReportRows? In(string? variable, SessionState sessionState, string typeName)
        {
            if (variable == null) return null;
            var report = new ReportRows(typeName);
            sessionState.PSVariable.Set(variable, report.rows);
            return report;
        }

        public void Add(IEnumerable<KeyValuePair<string, object?>> cells)
        {
            var record = new PSObject();
            record.TypeNames.Insert(0, typeName);
            foreach (var cell in cells) record.Properties.Add(new PSNoteProperty(cell.Key, cell.Value));
            // The stopping thread adds the rows in flight while the pipeline thread may still be adding one.
            lock (rows) rows.Add(record);
        }

        /// <summary>The batch's counts by outcome word, as the report's outcomes (the batch says Failed and Unknown as they do).</summary>
        public static IReadOnlyDictionary<RowOutcome, int> Counts(IReadOnlyList<KeyValuePair<string, int>> outcomes)
        {
            var counts = new Dictionary<RowOutcome, int>();
            foreach (var pair in outcomes)
            {
                if (System.Enum.TryParse<RowOutcome>(pair.Key, out var outcome)) counts[outcome] = pair.Value;
            }
            return counts;
        }
    }
}
