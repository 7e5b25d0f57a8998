using System.Collections.Generic;
using System.Management.Automation;

namespace Dintero.Connections.Rows
{
    /// <summary>
    /// The rows of a command's -ReportVariable (<see cref="CreatorRun{TMade}"/>): a list set in the caller's scope when
    /// the command starts, as -ErrorVariable is, each row added as its record ends, so that a stopped command leaves the
    /// rows it got to. The engine's <see cref="RowReport"/> decides the columns; this only keeps the rows, under the
    /// report's type name, which views key on.
    /// </summary>
    internal sealed class ReportVariable
    {
        private readonly List<PSObject> rows = new List<PSObject>();

        private ReportVariable()
        {
        }

        /// <summary>The rows kept in <paramref name="variable"/>, set now (empty); null when no -ReportVariable was given.</summary>
        public static ReportVariable? In(string? variable, SessionState sessionState)
        {
            if (variable == null) return null;
            var report = new ReportVariable();
            sessionState.PSVariable.Set(variable, report.rows);
            return report;
        }

        /// <param name="typeName">The report's type name, which views key on.</param>
        /// <param name="cells">The row's columns, in order.</param>
        /// <returns>The row, for what is said of it after (a secret not delivered).</returns>
        public PSObject Add(string typeName, IEnumerable<KeyValuePair<string, object?>> cells)
        {
            var record = new PSObject();
            record.TypeNames.Insert(0, typeName);
            foreach (var cell in cells) record.Properties.Add(new PSNoteProperty(cell.Key, cell.Value));
            // The stopping thread adds the rows in flight while the pipeline thread may still be adding one.
            lock (rows) rows.Add(record);
            return record;
        }
    }
}
