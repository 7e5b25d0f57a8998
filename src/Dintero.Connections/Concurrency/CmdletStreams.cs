using System;
using System.Management.Automation;
using Dintero.Connections.Logging;

namespace Dintero.Connections.Concurrency
{
    /// <summary>
    /// Writes an <see cref="BatchRunner{TItem, TResult}"/>'s log lines, outcomes and progress to a cmdlet's streams, on its
    /// pipeline thread, each line where the caller's preferences put it without a prompt (<see cref="StreamRoutes"/>).
    /// </summary>
    internal sealed class CmdletStreams<TItem, TResult> : IBatchOutput<TItem, TResult>
    {
        private readonly Commands.DinteroCmdlet cmdlet;
        private readonly StreamRoutes routes;
        private readonly Action<BatchOutcome<TItem, TResult>>? outcome;
        private readonly Action<BatchProgress>? progress;
        private readonly RepeatedWarnings? repeated;

        /// <param name="cmdlet">Whose streams are written.</param>
        /// <param name="outcome">Writes an outcome.</param>
        /// <param name="progress">Writes a progress snapshot.</param>
        /// <param name="repeated">For a batch: shows the first warning of each repeating condition, the rest at Verbose.</param>
        public CmdletStreams(Commands.DinteroCmdlet cmdlet, Action<BatchOutcome<TItem, TResult>>? outcome = null, Action<BatchProgress>? progress = null, RepeatedWarnings? repeated = null)
        {
            this.cmdlet = cmdlet;
            // Read here, on the pipeline thread: IsLogEnabled is asked from the calls' threads.
            routes = cmdlet.Lines.Routes;
            this.outcome = outcome;
            this.progress = progress;
            this.repeated = repeated;
        }

        // A Debug line costs a read of each body: built only when the caller's preferences keep it somewhere.
        public bool IsLogEnabled(DinteroLogLevel level) => routes.Wants(level);

        public void WriteLog(DinteroLogEntry entry)
        {
            var level = entry.Level == DinteroLogLevel.Warning && repeated != null && !repeated.ShowAsWarning(entry.Condition) ? DinteroLogLevel.Verbose : entry.Level;
            cmdlet.Lines.Say(level, entry.Message);
        }

        public void WriteOutcome(BatchOutcome<TItem, TResult> done) => outcome?.Invoke(done);

        public void WriteProgress(BatchProgress snapshot) => progress?.Invoke(snapshot);
    }
}
