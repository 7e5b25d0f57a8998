using System;
using System.Management.Automation;
using System.Threading;
using Dintero.Connections.Logging;

namespace Dintero.Connections.Concurrency
{
    /// <summary>
    /// The cmdlet half of the runner, over the engine's <see cref="OrderedWork{TItem, TResult}"/>: the calls of a cmdlet's
    /// records, up to <see cref="BatchOptions.RunningLimit"/> in flight, their results and errors written in input order
    /// (<see cref="Errors.ErrorRecords"/>), log lines as they come, and a progress bar for pipeline input (PowerShell drops
    /// it under $ProgressPreference = 'SilentlyContinue' and when the console's output is redirected).
    /// </summary>
    internal sealed class PipelineBatch<TResult>
    {
        private static int nextActivityId = 1;
        private readonly Cmdlet cmdlet;
        private readonly OrderedWork<BatchItem, TResult> work;
        private readonly BatchOptions options;
        private readonly CancellationToken cancellation;
        private readonly int activityId;
        private readonly string? activity;
        private readonly Action<TResult, BatchItem> writeResult;
        private readonly Action<Exception, BatchItem> failed;

        /// <param name="cmdlet">Whose streams are written.</param>
        /// <param name="options">How the calls run and are written.</param>
        /// <param name="activity">The progress bar's title, e.g. "Creating Common connections"; null for no progress bar.</param>
        /// <param name="writeResult">Writes one call's result, on the pipeline thread.</param>
        /// <param name="failed">Told of a record's failure, on the pipeline thread, before its error is written.</param>
        /// <param name="cancellation">The cmdlet's stop signal.</param>
        public PipelineBatch(Cmdlet cmdlet, BatchOptions options, string? activity, Action<TResult, BatchItem> writeResult, Action<Exception, BatchItem> failed, CancellationToken cancellation)
        {
            this.cmdlet = cmdlet;
            this.writeResult = writeResult;
            this.failed = failed;
            this.options = options;
            this.cancellation = cancellation;
            this.activity = activity;
            activityId = Interlocked.Increment(ref nextActivityId);
            var streams = new CmdletStreams<BatchItem, TResult>(cmdlet, WriteOutcome, activity == null ? null : Report, Repeated);
            work = new OrderedWork<BatchItem, TResult>(options.RunningLimit, streams, cancellation, options.InInputOrder);
        }

        /// <summary>Warnings that repeat per row (throttling waits, retries, skips): the first shown, the rest summed up by <see cref="Drain"/>.</summary>
        public RepeatedWarnings Repeated { get; } = new RepeatedWarnings();

        /// <summary>A warning the cmdlet itself repeats per row, under its condition; on the pipeline thread.</summary>
        public void WriteRepeatedWarning(string condition, string message)
        {
            if (Repeated.ShowAsWarning(condition)) cmdlet.WriteWarning(message);
            else cmdlet.WriteVerbose(message);
        }

        /// <summary>Starts each run of a record's call when a slot is free, writing what is ready meanwhile.</summary>
        public void Add(BatchCall<TResult> call, BatchItem item)
        {
            foreach (var run in call.Runs) Stoppable(() => work.Add(run, item));
        }

        /// <summary>A record refused before any call (bad input): its error is written in its place among the others.</summary>
        public void AddFailure(Exception failure, BatchItem item) => Stoppable(() => work.AddFailure(failure, item));

        /// <summary>Writes everything still in flight, in input order, sums up the repeated warnings, and closes the progress bar.</summary>
        public void Drain()
        {
            Stoppable(work.Drain);
            foreach (var line in Repeated.Summary()) cmdlet.WriteWarning(line);
            if (activity != null && work.Progress.Done > 0)
            {
                cmdlet.WriteProgress(new ProgressRecord(activityId, activity, Status(work.Progress)) { RecordType = ProgressRecordType.Completed });
            }
        }

        // The result to the output, or an error that names the record; in input order. A failure after which nothing
        // can run (refused credentials) ends the command with one error instead of one per row still to come.
        private void WriteOutcome(WorkOutcome<BatchItem, TResult> outcome)
        {
            var item = outcome.Item;
            if (outcome.Failure != null)
            {
                failed(outcome.Failure, item);
                var record = Errors.ErrorRecords.From(outcome.Failure, item.TargetOf(outcome.Failure), item.TargetName, item.Label, out var endsCommand);
                if (endsCommand) cmdlet.ThrowTerminatingError(record);
                cmdlet.WriteError(record);
            }
            else if (outcome.Result != null)
            {
                writeResult(outcome.Result, item);
            }
        }

        // A record per report: hosts that keep the records (jobs, Streams.Progress) keep each one as it was.
        private void Report(WorkProgress snapshot) => cmdlet.WriteProgress(new ProgressRecord(activityId, activity!, Status(snapshot)));

        private string Status(WorkProgress snapshot) => options.ProgressStatus?.Invoke() ?? snapshot.ToString();

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
