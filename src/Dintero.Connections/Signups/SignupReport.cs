using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Dintero.Connections.Binding;

namespace Dintero.Connections.Signups
{
    /// <summary>
    /// The rows of -ReportVariable, one per input record in input order (the engine's RunReport decides their columns),
    /// kept in the variable's list as each outcome is written, so that a stopped command leaves the rows it got to. Rows
    /// in flight when the command is stopped are added as Unknown: their signups may have reached Dintero.
    /// </summary>
    internal sealed class SignupReport
    {
        /// <summary>What views and Format-Table key on.</summary>
        public const string TypeName = "Dintero.Connections.SignupReport";

        private readonly List<PSObject> rows = new List<PSObject>();
        private readonly ConcurrentDictionary<int, (string? AccountId, object? Input)> inFlight = new ConcurrentDictionary<int, (string?, object?)>();
        private readonly string connectionType;

        public SignupReport(string connectionType) => this.connectionType = connectionType;

        /// <summary>The list the variable holds (a plain list: Export-Csv, Where-Object and Measure-Object take it).</summary>
        public List<PSObject> Rows => rows;

        /// <summary>A record's call started: until its outcome is written, a stop reports it as Unknown.</summary>
        public void Sending(int row, string? accountId, object? input) => inFlight[row] = (accountId, input);

        public void Add(int row, IReadOnlyList<KeyValuePair<string, object?>> cells)
        {
            inFlight.TryRemove(row, out _);
            var record = new PSObject();
            record.TypeNames.Insert(0, TypeName);
            foreach (var cell in cells) record.Properties.Add(new PSNoteProperty(cell.Key, cell.Value));
            lock (rows) rows.Add(record);
        }

        /// <summary>Adds the rows still in flight, in input order; called from the stopping thread.</summary>
        public void Stopped()
        {
            foreach (var pending in inFlight.OrderBy(pair => pair.Key).ToList())
            {
                Add(pending.Key, RunReport.OfStopped(pending.Key, pending.Value.AccountId, connectionType, PowerShellInput.ToPlain(pending.Value.Input)));
            }
        }
    }
}
