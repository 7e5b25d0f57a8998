using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using Dintero.Connections.Errors;
using Dintero.Connections.Logging;

namespace Dintero.Connections.Concurrency
{
    /// <summary>
    /// The cmdlet half of the batch, over the engine's <see cref="BatchRunner{TItem, TResult}"/>: the calls of a cmdlet's
    /// records, up to <see cref="BatchOptions.RunningLimit"/> in flight, their results and errors written in input order,
    /// log lines as they come, a progress bar for pipeline input (PowerShell drops it under $ProgressPreference =
    /// 'SilentlyContinue' and when the console's output is redirected), and at the end one summary of how the records
    /// ended. Every record's end goes through here once, and is told to the cmdlet's <see cref="BatchReport{TResult}"/>.
    /// </summary>
    internal sealed class CmdletBatch<TResult>
    {
        private static int nextActivityId = 1;
        private readonly PSCmdlet cmdlet;
        private readonly BatchRunner<BatchItem, TResult> work;
        private readonly BatchOptions options;
        private readonly CancellationToken cancellation;
        private readonly int activityId;
        private readonly string? activity;
        private readonly Action<TResult, BatchItem> writeResult;
        private readonly BatchReport<TResult>? report;
        private readonly string succeeded;
        private readonly BatchSummary summary = new BatchSummary();
        private readonly Stopwatch elapsed = Stopwatch.StartNew();
        // Records whose calls are under way, with their order, for a stop to report (it comes on another thread).
        private readonly Dictionary<BatchItem, int> inFlight = new Dictionary<BatchItem, int>();
        private int sequence;
        private bool stopped;

        /// <param name="cmdlet">Whose streams are written.</param>
        /// <param name="options">How the calls run and are written.</param>
        /// <param name="activity">The progress bar's title, e.g. "Creating Common connections"; null for no progress bar.</param>
        /// <param name="writeResult">Writes one call's result, on the pipeline thread.</param>
        /// <param name="report">The cmdlet's own account of the run, told of every record's end; null for none.</param>
        /// <param name="succeeded">What a record whose call returned counts as in the summary, e.g. "Read", "Changed".</param>
        /// <param name="cancellation">The cmdlet's stop signal.</param>
        public CmdletBatch(PSCmdlet cmdlet, BatchOptions options, string? activity, Action<TResult, BatchItem> writeResult, BatchReport<TResult>? report, string succeeded, CancellationToken cancellation)
        {
            this.succeeded = succeeded;
            this.cmdlet = cmdlet;
            this.writeResult = writeResult;
            this.report = report;
            this.options = options;
            this.cancellation = cancellation;
            this.activity = activity;
            activityId = Interlocked.Increment(ref nextActivityId);
            var streams = new CmdletStreams<BatchItem, TResult>(cmdlet, WriteOutcome, activity == null ? null : Report, Repeated);
            work = new BatchRunner<BatchItem, TResult>(options.RunningLimit, streams, cancellation, options.InInputOrder);
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
            lock (inFlight) inFlight[item] = sequence++;
            foreach (var run in call.Runs) Stoppable(() => work.Add(run, item));
        }

        /// <summary>A record refused before any call (bad input): its error is written in its place among the others.</summary>
        public void AddFailure(Exception failure, BatchItem item) => Stoppable(() => work.AddFailure(failure, item));

        /// <summary>A record nothing was sent for (-WhatIf, a declined -Confirm).</summary>
        public void NotSent(BatchItem item) => Ended(item, new BatchEnd<TResult>(BatchEndKind.NotSent));

        /// <summary>A record's results written by the cmdlet itself (a list read page by page): it ended well.</summary>
        public void Succeeded(BatchItem item, TResult last) => Ended(item, new BatchEnd<TResult>(BatchEndKind.Succeeded, last));

        /// <summary>
        /// The one way a record's failure is written: told to the report and counted, then an error that names the record;
        /// a failure after which nothing can run (refused credentials) ends the command with one error, and the summary,
        /// instead of one error per row still to come.
        /// </summary>
        public void Fail(Exception failure, BatchItem item)
        {
            Ended(item, new BatchEnd<TResult>(BatchEndKind.Failed, failure: failure));
            var record = ErrorRecords.From(failure, item.TargetOf(failure), item.TargetName, item.Label, out var endsCommand);
            if (endsCommand)
            {
                summary.StoppedBy = $"Stopped {(item.Label == null ? string.Empty : $"at {item.Label.ToLowerInvariant()} ")}by {record.FullyQualifiedErrorId}: nothing more of the input was run.";
                WriteSummary();
                cmdlet.ThrowTerminatingError(record);
            }
            cmdlet.WriteError(record);
        }

        /// <summary>Writes everything still in flight, in input order, sums up the repeated warnings, closes the progress bar, and writes the summary.</summary>
        public void Drain()
        {
            Stoppable(work.Drain);
            foreach (var line in Repeated.Summary()) cmdlet.WriteWarning(line);
            if (activity != null && work.Progress.Done > 0)
            {
                cmdlet.WriteProgress(new ProgressRecord(activityId, activity, Status(work.Progress)) { RecordType = ProgressRecordType.Completed });
            }
            WriteSummary();
        }

        /// <summary>Ctrl+C or a job's stop, on the stopping thread: the records in flight are told to the report as stopped, in input order.</summary>
        public void Stopped()
        {
            List<BatchItem> left;
            lock (inFlight)
            {
                stopped = true;
                left = inFlight.OrderBy(pair => pair.Value).Select(pair => pair.Key).ToList();
                inFlight.Clear();
            }
            if (report == null) return;
            foreach (var item in left) report.Record(item, new BatchEnd<TResult>(BatchEndKind.Stopped));
        }

        // The result to the output, or an error that names the record; in input order.
        private void WriteOutcome(BatchOutcome<BatchItem, TResult> outcome)
        {
            var item = outcome.Item;
            if (outcome.Failure != null)
            {
                Fail(outcome.Failure, item);
            }
            else
            {
                Ended(item, new BatchEnd<TResult>(BatchEndKind.Succeeded, outcome.Result));
                if (outcome.Result != null) writeResult(outcome.Result, item);
            }
        }

        private void Ended(BatchItem item, BatchEnd<TResult> end)
        {
            lock (inFlight)
            {
                // A record the stop already reported is not reported again.
                if (stopped) return;
                inFlight.Remove(item);
            }
            report?.Record(item, end);
            switch (end.Kind)
            {
                case BatchEndKind.Succeeded:
                    summary.Count(report?.OutcomeOf(end.Result) ?? succeeded);
                    break;
                case BatchEndKind.Failed:
                    summary.Count(end.Failure is DinteroException { OutcomeUnknown: true } ? "Unknown" : "Failed", (end.Failure as DinteroException)?.ErrorId ?? ErrorReport.From(end.Failure!).ErrorId);
                    break;
                default:
                    summary.Count("NotSent");
                    break;
            }
        }

        // One Information record, as Write-Host writes it (shown, kept by -InformationVariable and 6>, and in a job's
        // output): a sheet of a thousand rows ends with what became of them, and how to go on.
        private void WriteSummary()
        {
            var text = summary.Text(cmdlet.MyInvocation.MyCommand.Name, elapsed.Elapsed, report?.Resume(summary.Outcomes));
            if (text != null) cmdlet.WriteInformation(new HostInformationMessage { Message = text }, new[] { "PSHOST", "Dintero.Summary" });
        }

        // A record per report: hosts that keep the records (jobs, Streams.Progress) keep each one as it was.
        private void Report(BatchProgress snapshot) => cmdlet.WriteProgress(new ProgressRecord(activityId, activity!, Status(snapshot)));

        private string Status(BatchProgress snapshot) => options.ProgressStatus?.Invoke() ?? snapshot.ToString();

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
