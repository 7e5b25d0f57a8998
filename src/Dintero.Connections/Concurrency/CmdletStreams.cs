using System;
using System.Management.Automation;
using Dintero.Connections.Logging;

namespace Dintero.Connections.Concurrency
{
    /// <summary>
    /// Writes an <see cref="BatchRunner{TItem, TResult}"/>'s log lines, outcomes and progress to a cmdlet's streams, on its
    /// pipeline thread. Every log line is offered to PowerShell: WriteVerbose and WriteDebug alone know the caller's
    /// -Verbose, -Debug and the preference variables of the caller's own scope (a binary cmdlet reading
    /// $VerbosePreference itself sees the module's scope, not a function's or a runbook's local one).
    /// </summary>
    internal sealed class CmdletStreams<TItem, TResult> : IBatchOutput<TItem, TResult>
    {
        private readonly Cmdlet cmdlet;
        private readonly Action<BatchOutcome<TItem, TResult>>? outcome;
        private readonly Action<BatchProgress>? progress;
        private readonly RepeatedWarnings? repeated;

        /// <param name="cmdlet">Whose streams are written.</param>
        /// <param name="outcome">Writes an outcome.</param>
        /// <param name="progress">Writes a progress snapshot.</param>
        /// <param name="repeated">For a batch: shows the first warning of each repeating condition, the rest at Verbose.</param>
        public CmdletStreams(Cmdlet cmdlet, Action<BatchOutcome<TItem, TResult>>? outcome = null, Action<BatchProgress>? progress = null, RepeatedWarnings? repeated = null)
        {
            this.cmdlet = cmdlet;
            this.outcome = outcome;
            this.progress = progress;
            this.repeated = repeated;
        }

        // Debug lines cost a read of each body, small next to a network round trip; PowerShell drops them when unwanted.
        public bool IsLogEnabled(DinteroLogLevel level) => true;

        public void WriteLog(DinteroLogEntry entry)
        {
            switch (entry.Level)
            {
                case DinteroLogLevel.Debug: cmdlet.WriteDebug(entry.Message); break;
                case DinteroLogLevel.Verbose: cmdlet.WriteVerbose(entry.Message); break;
                default:
                    if (repeated == null || repeated.ShowAsWarning(entry.Condition)) cmdlet.WriteWarning(entry.Message);
                    else cmdlet.WriteVerbose(entry.Message);
                    break;
            }
        }

        public void WriteOutcome(BatchOutcome<TItem, TResult> done) => outcome?.Invoke(done);

        public void WriteProgress(BatchProgress snapshot) => progress?.Invoke(snapshot);
    }
}
