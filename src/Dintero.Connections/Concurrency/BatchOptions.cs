using System;

namespace Dintero.Connections.Concurrency
{
    /// <summary>How a cmdlet's batch runs its records' calls and writes their outcomes.</summary>
    internal sealed class BatchOptions
    {
        /// <param name="runningLimit">How many calls may be in flight (-ThrottleLimit).</param>
        public BatchOptions(int runningLimit) => RunningLimit = runningLimit;

        public int RunningLimit { get; }

        /// <summary>False to write each outcome as soon as it is known, whatever the input order (Wait-DinteroConnection).</summary>
        public bool InInputOrder { get; set; } = true;

        /// <summary>The progress bar's status line, when not the default counts (done, failed, in flight, rate).</summary>
        public Func<string>? ProgressStatus { get; set; }
    }
}
