using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using Dintero.Connections.Errors;
using Dintero.Connections.Logging;
using Dintero.Connections.Rows;

namespace Dintero.Connections.Concurrency
{
    /// <summary>
    /// The cmdlet half of the batch, over the engine's <see cref="BatchRunner{TItem, TResult}"/>: the calls of a cmdlet's
    /// records, up to <see cref="BatchOptions.RunningLimit"/> in flight, their results and errors written in input order,
    /// log lines as they come, a progress bar for pipeline input (PowerShell drops it under $ProgressPreference =
    /// 'SilentlyContinue' and when the console's output is redirected), and at the end one summary of how the records
    /// ended. Every record's end goes through here once, and is told to the cmdlet's <see cref="RecordObserver{TResult}"/>. How a
    /// batch ends early is CmdletBatch.Ending.cs.
    /// </summary>
    /// <remarks>
    /// A command can end early: an error that ends it (refused credentials, -ErrorAction Stop), a line that does
    /// (-WarningAction Stop), Ctrl+C, a pipeline stopped downstream. Then <see cref="End"/> runs once, before the write
    /// that ends the command when it can see one coming: nothing more is started (those records are told as not sent),
    /// the calls already sent are awaited, each bounded by its own timeout, their results written and their outcomes told
    /// to the report, and the summary says how to go on. After Ctrl+C the calls in flight are cancelled instead (their
    /// records told as stopped, which a run again reads back), and the summary goes to the host, the streams being shut.
    /// </remarks>
    internal sealed partial class CmdletBatch<TResult>
    {
        private static int nextActivityId = 1;
        private readonly Commands.DinteroCmdlet cmdlet;
        private readonly BatchRunner<BatchItem, TResult> work;
        private readonly BatchOptions options;
        private readonly CancellationToken cancellation;
        private readonly int activityId;
        private readonly string activity;
        private readonly Action<TResult, BatchItem> writeResult;
        private readonly Action<TResult, BatchItem>? notWritten;
        private readonly RecordObserver<TResult>? observer;
        private readonly string succeeded;
        private readonly BatchSummary summary = new BatchSummary();
        private readonly Stopwatch elapsed = Stopwatch.StartNew();
        // Records whose calls are under way, with their order, for a stop to report (it comes on another thread).
        private readonly Dictionary<BatchItem, int> inFlight = new Dictionary<BatchItem, int>();
        // What a stop (on its own thread) told the report, counted in the summary on the pipeline thread.
        private readonly List<BatchEndKind> stoppedEnds = new List<BatchEndKind>();
        private int sequence;
        private bool stopped;
        private bool ending;
        private bool streamsOpen = true;
        private string? endedAt;
        // The pipeline item whose error ended the command, and the last one read: the rows between were read ahead.
        private int? stopIndex;
        private int lastIndex = -1;
        private int abandoned;
        private bool quiet;
        private bool showsProgress;

        /// <param name="cmdlet">Whose streams are written.</param>
        /// <param name="options">How the calls run and are written.</param>
        /// <param name="activity">The progress bar's title, e.g. "Creating Common connections".</param>
        /// <param name="showsProgress">True for pipeline input: a command of one call shows no progress bar (<see cref="ShowProgress"/>).</param>
        /// <param name="writeResult">Writes one call's result, on the pipeline thread.</param>
        /// <param name="observer">The cmdlet's own watch over the run, told of every record's end; null for none.</param>
        /// <param name="succeeded">What a record whose call returned counts as in the summary, e.g. "Read", "Changed".</param>
        /// <param name="cancellation">The cmdlet's stop signal.</param>
        /// <param name="notWritten">Told of a result the streams could no longer take (a pipeline stopped downstream): what only the output held (a secret) is said elsewhere.</param>
        public CmdletBatch(Commands.DinteroCmdlet cmdlet, BatchOptions options, string activity, bool showsProgress, Action<TResult, BatchItem> writeResult, RecordObserver<TResult>? observer, string succeeded, CancellationToken cancellation, Action<TResult, BatchItem>? notWritten = null)
        {
            this.notWritten = notWritten;
            this.succeeded = succeeded;
            this.cmdlet = cmdlet;
            this.writeResult = writeResult;
            this.observer = observer;
            this.options = options;
            this.cancellation = cancellation;
            this.activity = activity;
            this.showsProgress = showsProgress;
            activityId = Interlocked.Increment(ref nextActivityId);
            var streams = new CmdletStreams<BatchItem, TResult>(cmdlet, WriteOutcome, WriteProgressRecord, Repeated);
            work = new BatchRunner<BatchItem, TResult>(options.RunningLimit, streams, cancellation, options.InInputOrder);
            cmdlet.Ending = End;
        }

        /// <summary>Warnings that repeat per row (throttling waits, retries, skips): the first shown, the rest summed up by <see cref="Drain"/>.</summary>
        public RepeatedWarnings Repeated { get; } = new RepeatedWarnings();

        /// <summary>A warning the cmdlet itself repeats per row, under its condition; on the pipeline thread.</summary>
        public void WriteRepeatedWarning(string condition, string message)
        {
            if (Repeated.ShowAsWarning(condition)) cmdlet.WriteWarning(message);
            else cmdlet.WriteVerbose(message);
        }

        /// <summary>Shows progress from now on: a call by parameter turned out to be many records of their own (a partner's whole book).</summary>
        public void ShowProgress() => showsProgress = true;

        /// <summary>Starts each run of a record's call when a slot is free, writing what is ready meanwhile.</summary>
        public void Add(BatchCall<TResult> call, BatchItem item)
        {
            lock (inFlight) inFlight[item] = sequence++;
            Read(item);
            foreach (var run in call.Runs) Stoppable(() => work.Add(run, item));
        }

        /// <summary>
        /// A record refused before any call (bad input): its error is written in its place among the others. When that
        /// error will end the command (-ErrorAction Stop), the rows before it are awaited and written now, so that it ends
        /// the command before the input after it is read and sent.
        /// </summary>
        public void AddFailure(Exception failure, BatchItem item)
        {
            Read(item);
            Stoppable(() => work.AddFailure(failure, item));
            if (cmdlet.Lines.Routes.ErrorEnds) Stoppable(work.Drain);
        }

        private void Read(BatchItem item)
        {
            if (item.Index is int index && index > lastIndex) lastIndex = index;
        }

        /// <summary>A record nothing was sent for (-WhatIf, a declined -Confirm).</summary>
        public void NotSent(BatchItem item) => Ended(item, new BatchEnd<TResult>(BatchEndKind.NotSent));

        /// <summary>A record's results written by the cmdlet itself (a list read page by page): it ended well.</summary>
        public void Succeeded(BatchItem item, TResult last) => Ended(item, new BatchEnd<TResult>(BatchEndKind.Succeeded, last));

        /// <summary>
        /// The one way a record's failure is written: told to the report and counted, then an error that names the record.
        /// A failure after which nothing can run (refused credentials), or whose error ends the command (-ErrorAction Stop),
        /// first ends the batch (<see cref="End"/>), then the command with that one error.
        /// </summary>
        public void Fail(Exception failure, BatchItem item)
        {
            Ended(item, new BatchEnd<TResult>(BatchEndKind.Failed, failure: failure));
            if (ending) return;
            var record = ErrorRecords.From(failure, item.TargetOf(failure), item.TargetName, item.Label, out var endsCommand);
            if (endsCommand || cmdlet.Lines.Routes.ErrorEnds)
            {
                endedAt = $"Stopped {(item.Label == null ? string.Empty : $"at {item.Label.ToLowerInvariant()} ")}by {record.FullyQualifiedErrorId}";
                stopIndex = item.Index;
                cmdlet.EndFirst();
                if (endsCommand) cmdlet.ThrowTerminatingError(record);
            }
            cmdlet.WriteError(record);
        }

        /// <summary>Writes everything still in flight, in input order, sums up the repeated warnings, closes the progress bar, and writes the summary.</summary>
        public void Drain()
        {
            Stoppable(work.Drain);
            Close();
        }

        // The result to the output, or an error that names the record; in input order. While the batch ends, the results
        // of the calls sent are still written (what was done is delivered), their failures only told to the report.
        private void WriteOutcome(BatchOutcome<BatchItem, TResult> outcome)
        {
            var item = outcome.Item;
            if (outcome.Failure is NotStartedException)
            {
                Ended(item, new BatchEnd<TResult>(BatchEndKind.Abandoned));
            }
            else if (outcome.Failure != null)
            {
                Fail(outcome.Failure, item);
            }
            else
            {
                Ended(item, new BatchEnd<TResult>(BatchEndKind.Succeeded, outcome.Result));
                if (outcome.Result == null) return;
                if (ending && !streamsOpen)
                {
                    notWritten?.Invoke(outcome.Result, item);
                    return;
                }
                try
                {
                    writeResult(outcome.Result, item);
                }
                catch (PipelineStoppedException) when (ending)
                {
                    streamsOpen = false;
                }
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
            observer?.Record(item, end);
            switch (end.Kind)
            {
                case BatchEndKind.Succeeded:
                    if (observer?.OutcomeOf(end.Result) is { } outcome) summary.Count(outcome);
                    else summary.CountDone(succeeded);
                    break;
                case BatchEndKind.Failed:
                    summary.Count(RowReport.OutcomeOf(end.Failure!), ErrorReport.Wrapped(end.Failure!).ErrorId);
                    break;
                case BatchEndKind.Abandoned:
                    Interlocked.Increment(ref abandoned);
                    summary.Count(RowOutcome.NotSent);
                    break;
                default:
                    summary.Count(RowOutcome.NotSent);
                    break;
            }
        }

        // A record per snapshot: hosts that keep the records (jobs, Streams.Progress) keep each one as it was.
        private void WriteProgressRecord(BatchProgress snapshot)
        {
            if (showsProgress && !ending) cmdlet.WriteProgress(new ProgressRecord(activityId, activity, Status(snapshot)));
        }

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
