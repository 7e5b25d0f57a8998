using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using Dintero.Connections.Rows;

namespace Dintero.Connections.Concurrency
{
    /// <summary>
    /// How a batch ends, early or not: an error that ends the command, a line that does, Ctrl+C, a pipeline stopped
    /// downstream. Nothing more is started (those records told as not sent), the calls already sent are awaited, their
    /// outcomes told, and the summary written where it can still be read.
    /// </summary>
    internal sealed partial class CmdletBatch<TResult>
    {
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
            summary.StoppedBy = (endedAt ?? "Stopped") + ": " + AfterTheStop(Volatile.Read(ref abandoned));
            Close();
        }

        // What became of the rows after the one that ended the command: the calls run ahead of the output, so rows after
        // it may have been read, and sent, before its error was written.
        private string AfterTheStop(int unsent)
        {
            var readAhead = stopIndex is int at ? Math.Max(0, lastIndex - at) : unsent;
            var went = Math.Max(0, readAhead - unsent);
            var parts = new List<string>();
            if (went > 0) parts.Add(went == 1 ? "1 row after it had been read ahead and is in the report with its outcome" : $"{went} rows after it had been read ahead and are in the report with their outcomes");
            if (unsent > 0) parts.Add($"{unsent} {(unsent == 1 ? "row" : "rows")} after it {(unsent == 1 ? "was" : "were")} not sent");
            return parts.Count == 0 ? "the input after it was not read." : string.Join("; ", parts) + ", and the input after them was not read.";
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
            if (observer == null) return;
            for (var i = 0; i < left.Count; i++) observer.Record(left[i], new BatchEnd<TResult>(ends[i]));
        }

        // Sums up, closes the progress bar and writes the summary: where the streams are shut, to the host.
        private void Close()
        {
            lock (stoppedEnds)
            {
                foreach (var end in stoppedEnds) summary.Count(end == BatchEndKind.Stopped ? RowOutcome.Unknown : RowOutcome.NotSent, end == BatchEndKind.Stopped ? RowReport.StoppedErrorId : null);
                stoppedEnds.Clear();
            }
            if (streamsOpen)
            {
                try
                {
                    foreach (var line in Repeated.Summary()) cmdlet.WriteWarning(line);
                    if (showsProgress && work.Progress.Done > 0)
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

        private bool ChangesThings =>
            cmdlet.GetType().GetCustomAttributes(typeof(CmdletAttribute), inherit: true).OfType<CmdletAttribute>().Any(attribute => attribute.SupportsShouldProcess);

        // One Information record, as Write-Host writes it (shown, kept by -InformationVariable and 6>, and in a job's
        // output): a sheet of a thousand rows ends with what became of them, and how to go on. Where the streams are shut
        // (Ctrl+C, a pipeline stopped), the host's UI says it, so a stopped run still tells how to go on.
        private void WriteSummary()
        {
            // A command of one call (no pipeline input) says all in its outcome.
            if (!showsProgress && summary.Records <= 1) return;
            var text = summary.Text(cmdlet.MyInvocation.MyCommand.Name, elapsed.Elapsed, observer?.Resume(summary.ByOutcome, summary.StoppedBy != null));
            // Ended as the pipeline asked (Select-Object -First had enough): a command that only reads has nothing to tell
            // that the output did not; one that changes things tells what it did beyond what was taken.
            if (text == null || quiet && !ChangesThings) return;
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
    }
}
