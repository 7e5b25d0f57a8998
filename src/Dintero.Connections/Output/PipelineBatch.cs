using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Concurrency;

namespace Dintero.Connections.Output
{
    /// <summary>
    /// A cmdlet's engine calls for its pipeline items: up to -ThrottleLimit in flight (<see cref="OrderedWork{TResult}"/>),
    /// results and errors written in input order, log lines as they come, and a progress bar for pipeline input
    /// (PowerShell drops it under $ProgressPreference = 'SilentlyContinue' and when the console's output is redirected).
    /// </summary>
    internal sealed class PipelineBatch<TResult>
    {
        private static int nextActivityId = 1;
        private readonly Cmdlet cmdlet;
        private readonly OrderedWork<TResult> work;
        private readonly CancellationToken cancellation;
        private readonly int activityId;
        private readonly string? activity;
        private readonly bool writeResults;

        /// <param name="cmdlet">Whose streams are written.</param>
        /// <param name="throttleLimit">How many calls may be in flight.</param>
        /// <param name="activity">The progress bar's title, e.g. "Creating Common connections"; null for no progress bar.</param>
        /// <param name="cancellation">The cmdlet's stop signal.</param>
        /// <param name="writeResults">False to write only errors (a Set- cmdlet without -PassThru).</param>
        /// <param name="inInputOrder">False to write each outcome as soon as it is known, whatever the input order.</param>
        public PipelineBatch(Cmdlet cmdlet, int throttleLimit, string? activity, CancellationToken cancellation, bool writeResults = true, bool inInputOrder = true)
        {
            this.cmdlet = cmdlet;
            this.cancellation = cancellation;
            this.writeResults = writeResults;
            this.activity = activity;
            activityId = Interlocked.Increment(ref nextActivityId);
            work = new OrderedWork<TResult>(throttleLimit, new CmdletStreams<TResult>(cmdlet, WriteOutcome, activity == null ? null : Report), cancellation, inInputOrder);
        }

        /// <summary>The progress bar's status line; by default done, failed, in flight and the rate.</summary>
        public Func<WorkProgress, string> Describe { get; set; } = snapshot => snapshot.ToString();

        /// <summary>The Verbose line for an item whose call found nothing (returned null); none when not set.</summary>
        public Func<PipelineItem, string>? NothingFound { get; set; }

        /// <summary>Starts an item when a slot is free, writing what is ready meanwhile.</summary>
        public void Add(Func<CancellationToken, Task<TResult>> call, PipelineItem item) => Stoppable(() => work.Add(call, item));

        // The result to the output, or an error that names the item; in input order.
        private void WriteOutcome(WorkOutcome<TResult> outcome)
        {
            var item = (PipelineItem)outcome.State!;
            if (outcome.Failure != null) cmdlet.WriteError(ErrorRecords.From(outcome.Failure, TargetOf(outcome.Failure, item), item.TargetName, item.Label));
            else if (outcome.Result != null && writeResults) cmdlet.WriteObject(outcome.Result, enumerateCollection: true);
            else if (outcome.Result == null && NothingFound != null) cmdlet.WriteVerbose(NothingFound(item));
        }

        /// <summary>An item refused before any call (bad input): its error is written in its place among the others.</summary>
        public void AddFailure(Exception failure, PipelineItem item) => Stoppable(() => work.AddFailure(failure, item));

        /// <summary>Writes everything still in flight, in input order, and closes the progress bar.</summary>
        public void Drain()
        {
            Stoppable(work.Drain);
            if (activity != null && work.Progress.Done > 0)
            {
                cmdlet.WriteProgress(new ProgressRecord(activityId, activity, Describe(work.Progress)) { RecordType = ProgressRecordType.Completed });
            }
        }

        // What a script gets back from a failed item: its input, else the connection as last read, else the account.
        private static object? TargetOf(Exception failure, PipelineItem item) =>
            item.Input ?? (failure as Errors.DinteroWaitException)?.Connection ?? (object?)item.AccountId;

        // A record per report: hosts that keep the records (jobs, Streams.Progress) keep each one as it was.
        private void Report(WorkProgress snapshot) => cmdlet.WriteProgress(new ProgressRecord(activityId, activity!, Describe(snapshot)));

        private void Stoppable(Action action)
        {
            try
            {
                action();
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }
    }
}
