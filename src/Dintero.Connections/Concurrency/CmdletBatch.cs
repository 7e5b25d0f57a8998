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
    /// <remarks>
    /// A command can end early: an error that ends it (refused credentials, -ErrorAction Stop), a line that does
    /// (-WarningAction Stop), Ctrl+C, a pipeline stopped downstream. Then <see cref="End"/> runs once, before the write
    /// that ends the command when it can see one coming: nothing more is started (those records are told as not sent),
    /// the calls already sent are awaited, each bounded by its own timeout, their results written and their outcomes told
    /// to the report, and the summary says how to go on. After Ctrl+C the calls in flight are cancelled instead (their
    /// records told as stopped, which a run again reads back), and the summary goes to the host, the streams being shut.
    /// </remarks>
    internal sealed class CmdletBatch<TResult>
    {
        private static int nextActivityId = 1;
        private readonly Commands.DinteroCmdlet cmdlet;
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
        // What a stop (on its own thread) told the report, counted in the summary on the pipeline thread.
        private readonly List<BatchEndKind> stoppedEnds = new List<BatchEndKind>();
        private int sequence;
        private bool stopped;
        private bool ending;
        private bool streamsOpen = true;
        private string? endedAt;
        private int abandoned;
        private bool quiet;

        /// <param name="cmdlet">Whose streams are written.</param>
        /// <param name="options">How the calls run and are written.</param>
        /// <param name="activity">The progress bar's title, e.g. "Creating Common connections"; null for no progress bar.</param>
        /// <param name="writeResult">Writes one call's result, on the pipeline thread.</param>
        /// <param name="report">The cmdlet's own account of the run, told of every record's end; null for none.</param>
        /// <param name="succeeded">What a record whose call returned counts as in the summary, e.g. "Read", "Changed".</param>
        /// <param name="cancellation">The cmdlet's stop signal.</param>
        public CmdletBatch(Commands.DinteroCmdlet cmdlet, BatchOptions options, string? activity, Action<TResult, BatchItem> writeResult, BatchReport<TResult>? report, string succeeded, CancellationToken cancellation)
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

        /// <summary>
        /// Ends the batch early (<see cref="Commands.DinteroCmdlet.EndFirst"/> runs it once): starts nothing more, awaits the
        /// calls sent, writes their results while the streams take them, tells the report of every record, and writes the
        /// summary (to the host when the streams are shut).
        /// </summary>
        /// <param name="streamsStillOpen">False when the pipeline is stopping already: nothing more can be written to a stream.</param>
        /// <param name="asked">True when the command ends as the pipeline asked (Select-Object -First had enough): no summary on the host.</param>
        /// <param name="reason">What ends it, when the batch did not see it ("Stopped by ..."); null to keep its own.</param>
        public void End(bool streamsStillOpen, bool asked, string? reason)
        {
            if (ending) return;
            ending = true;
            quiet = asked;
            endedAt ??= reason;
            streamsOpen = streamsStillOpen && !cmdlet.Stopping;
            work.Abandon();
            try
            {
                if (!stopped) work.Drain();
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                // Ctrl+C while the calls sent were awaited: Stopped told the report of them.
            }
            catch (PipelineStoppedException)
            {
                streamsOpen = false;
            }
            var unsent = Volatile.Read(ref abandoned);
            summary.StoppedBy = (endedAt ?? "Stopped") + (unsent > 0 ? $": {unsent} {(unsent == 1 ? "row" : "rows")} after it were not sent, and the input after them was not read." : ": the input after it was not read.");
            Close();
        }

        /// <summary>
        /// Ctrl+C or a job's stop, on the stopping thread: nothing more starts; the records in flight are told to the report
        /// as stopped (they may have reached Dintero), those not started as not sent, in input order.
        /// </summary>
        public void Stopped()
        {
            var notStarted = work.Abandon();
            List<BatchItem> left;
            lock (inFlight)
            {
                stopped = true;
                left = inFlight.OrderBy(pair => pair.Value).Select(pair => pair.Key).ToList();
                inFlight.Clear();
            }
            var ends = left.Select(item => notStarted.Contains(item) ? BatchEndKind.Abandoned : BatchEndKind.Stopped).ToList();
            lock (stoppedEnds) stoppedEnds.AddRange(ends);
            Interlocked.Add(ref abandoned, ends.Count(end => end == BatchEndKind.Abandoned));
            endedAt = "Stopped by Ctrl+C or a job's stop";
            if (report == null) return;
            for (var i = 0; i < left.Count; i++) report.Record(left[i], new BatchEnd<TResult>(ends[i]));
        }

        // Sums up, closes the progress bar and writes the summary: where the streams are shut, to the host.
        private void Close()
        {
            lock (stoppedEnds)
            {
                foreach (var end in stoppedEnds) summary.Count(end == BatchEndKind.Stopped ? "Unknown" : "NotSent", end == BatchEndKind.Stopped ? Signups.SignupReport.StoppedErrorId : null);
                stoppedEnds.Clear();
            }
            if (streamsOpen)
            {
                try
                {
                    foreach (var line in Repeated.Summary()) cmdlet.WriteWarning(line);
                    if (activity != null && work.Progress.Done > 0)
                    {
                        cmdlet.WriteProgress(new ProgressRecord(activityId, activity, Status(work.Progress)) { RecordType = ProgressRecordType.Completed });
                    }
                }
                catch (PipelineStoppedException)
                {
                    streamsOpen = false;
                }
            }
            WriteSummary();
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
                if (outcome.Result == null || ending && !streamsOpen) return;
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
            report?.Record(item, end);
            switch (end.Kind)
            {
                case BatchEndKind.Succeeded:
                    summary.Count(report?.OutcomeOf(end.Result) ?? succeeded);
                    break;
                case BatchEndKind.Failed:
                    summary.Count(Signups.SignupReport.OutcomeOf(end.Failure!).ToString(), ErrorReport.Wrapped(end.Failure!).ErrorId);
                    break;
                case BatchEndKind.Abandoned:
                    Interlocked.Increment(ref abandoned);
                    summary.Count("NotSent");
                    break;
                default:
                    summary.Count("NotSent");
                    break;
            }
        }

        // One Information record, as Write-Host writes it (shown, kept by -InformationVariable and 6>, and in a job's
        // output): a sheet of a thousand rows ends with what became of them, and how to go on. Where the streams are shut
        // (Ctrl+C, a pipeline stopped), the host's UI says it, so a stopped run still tells how to go on.
        private void WriteSummary()
        {
            // A command of one call (no pipeline input) says all in its outcome.
            if (activity == null && summary.Records <= 1) return;
            var text = summary.Text(cmdlet.MyInvocation.MyCommand.Name, elapsed.Elapsed, report?.Resume(summary.Outcomes, summary.StoppedBy != null));
            if (text == null || !streamsOpen && quiet) return;
            if (streamsOpen)
            {
                try
                {
                    cmdlet.WriteInformation(new HostInformationMessage { Message = text }, new[] { "PSHOST", "Dintero.Summary" });
                    return;
                }
                catch (PipelineStoppedException)
                {
                    streamsOpen = false;
                }
            }
            try
            {
                cmdlet.Host?.UI?.WriteLine(text);
            }
            catch (Exception)
            {
                // A host that cannot write now (a job being torn down) has no better place for it.
            }
        }

        // A record per report: hosts that keep the records (jobs, Streams.Progress) keep each one as it was.
        private void Report(BatchProgress snapshot)
        {
            if (!ending) cmdlet.WriteProgress(new ProgressRecord(activityId, activity!, Status(snapshot)));
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
