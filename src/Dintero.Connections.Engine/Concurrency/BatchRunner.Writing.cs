using System;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Logging;

namespace Dintero.Connections.Concurrency
{
    /// <summary>
    /// What the owner's thread does while the calls run: it sleeps until a log line or a finished call wakes it, then
    /// writes the log lines, the outcomes that are ready (in input order, or as they come), and progress.
    /// </summary>
    public sealed partial class BatchRunner<TItem, TResult>
    {
        private void WaitAndWrite()
        {
            // Wakes at least every ProgressRefresh, so progress moves while calls run long without finishing.
            signal.Wait(ProgressRefresh, cancellation);
            WriteReady();
        }

        private void WriteReady()
        {
            WriteLogs();
            if (inInputOrder)
            {
                while (unwritten.Count > 0 && unwritten.Peek().Task.IsCompleted) WriteOutcome(unwritten.Dequeue());
            }
            else
            {
                for (var left = unwritten.Count; left > 0; left--)
                {
                    var item = unwritten.Dequeue();
                    if (item.Task.IsCompleted) WriteOutcome(item);
                    else unwritten.Enqueue(item);
                }
            }
            var progress = Progress;
            var sinceLast = lastProgress == null ? TimeSpan.MaxValue : clock.Elapsed - lastProgress.Value;
            if ((progress.Done != reportedDone && sinceLast >= ProgressInterval) || (progress.InFlight > 0 && sinceLast >= ProgressRefresh))
            {
                reportedDone = progress.Done;
                lastProgress = clock.Elapsed;
                output.WriteProgress(progress);
            }
        }

        private void WriteOutcome(Entry item)
        {
            output.WriteOutcome(OutcomeOf(item));
            WriteLogs();
        }

        private void WriteLogs()
        {
            while (logs.TryDequeue(out var entry)) output.WriteLog(entry);
        }

        private BatchOutcome<TItem, TResult> OutcomeOf(Entry item)
        {
            var task = item.Task;
            if (task.Status == TaskStatus.RanToCompletion) return new BatchOutcome<TItem, TResult>(item.Index, item.Item, task.Result, null);
            var failure = task.IsCanceled ? new OperationCanceledException(cancellation) : task.Exception!.GetBaseException();
            // A call cut short because the owner was stopped is not one of its outcomes: the owner stops too.
            if (failure is OperationCanceledException && cancellation.IsCancellationRequested) throw new OperationCanceledException(cancellation);
            return new BatchOutcome<TItem, TResult>(item.Index, item.Item, default!, failure);
        }

        /// <summary>Collects the log lines of the calls in flight for the owner's thread.</summary>
        private sealed class QueueSink : ILogSink
        {
            private readonly BatchRunner<TItem, TResult> work;

            public QueueSink(BatchRunner<TItem, TResult> work) => this.work = work;

            public bool IsEnabled(DinteroLogLevel level) => work.output.IsLogEnabled(level);

            public void Write(DinteroLogEntry entry)
            {
                work.logs.Enqueue(entry);
                work.signal.Release();
            }
        }
    }
}
