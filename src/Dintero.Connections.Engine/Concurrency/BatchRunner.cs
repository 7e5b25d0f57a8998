using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Logging;

namespace Dintero.Connections.Concurrency
{
    /// <summary>
    /// Runs the engine calls of one cmdlet invocation, each for an item of type <typeparamref name="TItem"/> (in a cmdlet:
    /// the pipeline record and its account): up to <see cref="ThrottleLimit"/> running at once on the
    /// thread pool, while the owner's thread (the only one that may write to PowerShell's streams) writes their log
    /// lines as they come, their outcomes in the order the items were added, and progress. The owner calls
    /// <see cref="Add"/> once per item (it returns once the item is started or next in line, writing what is ready
    /// meanwhile: up to <see cref="ThrottleLimit"/> more wait their turn, and a call that finishes starts the next at once,
    /// so a freed slot never waits for the owner's thread to plan a record), or
    /// <see cref="AddFailure"/> for an item refused before any call, and <see cref="Drain"/> at the end. A slow item
    /// holds back the writing of those after it, not their running. Cancelling the token stops the waiting at once
    /// with an <see cref="OperationCanceledException"/>; the calls in flight see the same token.
    /// </summary>
    public sealed partial class BatchRunner<TItem, TResult>
    {
        /// <summary>The least time between two progress reports.</summary>
        public static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

        /// <summary>How often progress is reported while nothing finishes (long waits still show the clock moving).</summary>
        public static readonly TimeSpan ProgressRefresh = TimeSpan.FromSeconds(1);

        private readonly IBatchOutput<TItem, TResult> output;
        private readonly CancellationToken cancellation;
        // Started or refused items whose outcome is not written yet, in input order; a finished one waits for those before it.
        private readonly Queue<Entry> unwritten = new Queue<Entry>();
        private readonly ConcurrentQueue<DinteroLogEntry> logs = new ConcurrentQueue<DinteroLogEntry>();
        // Released once per log line and once per finished call: the owner's thread sleeps on it. No wait handle is
        // ever taken from it, so it holds nothing that needs disposing.
        private readonly SemaphoreSlim signal = new SemaphoreSlim(0);
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private readonly ILogSink sink;
        private readonly bool inInputOrder;
        // Items added but not started yet, in input order, and the count running: both under the gate, since a finishing
        // call (on the thread pool) starts the next.
        private readonly Queue<Pending> waiting = new Queue<Pending>();
        private readonly object gate = new object();
        private TimeSpan? lastProgress;
        private int reportedDone = -1;
        private int nextIndex;
        private int running;
        private bool closed;
        private int succeeded;
        private int failed;

        /// <param name="throttleLimit">How many calls may run at once.</param>
        /// <param name="output">Where log lines, outcomes and progress are written, on the owner's thread.</param>
        /// <param name="cancellation">Stops the waiting and the calls.</param>
        /// <param name="inInputOrder">False to write each outcome as soon as it is known (Wait-DinteroConnection).</param>
        public BatchRunner(int throttleLimit, IBatchOutput<TItem, TResult> output, CancellationToken cancellation, bool inInputOrder = true)
        {
            if (throttleLimit < 1) throw new ArgumentOutOfRangeException(nameof(throttleLimit), "The throttle limit is at least 1.");
            ThrottleLimit = throttleLimit;
            this.inInputOrder = inInputOrder;
            this.output = output ?? throw new ArgumentNullException(nameof(output));
            this.cancellation = cancellation;
            sink = new QueueSink(this);
        }

        public int ThrottleLimit { get; }

        /// <summary>How many finished items may wait behind a slow one before no more are started: memory stays bounded.</summary>
        public int MaxWaitingToBeWritten => ThrottleLimit > int.MaxValue / 32 ? int.MaxValue : Math.Max(256, ThrottleLimit * 32);

        /// <summary>The counts now.</summary>
        public BatchProgress Progress
        {
            get
            {
                int inFlight;
                lock (gate) inFlight = running;
                return new BatchProgress(Volatile.Read(ref succeeded), Volatile.Read(ref failed), inFlight, clock.Elapsed);
            }
        }

        /// <summary>Starts an item once fewer than <see cref="ThrottleLimit"/> are in flight, writing what is ready meanwhile.</summary>
        /// <param name="work">The call; it gets the cancellation token.</param>
        /// <param name="item">Given back with the call's outcome.</param>
        public void Add(Func<CancellationToken, Task<TResult>> work, TItem item)
        {
            if (closed) throw new InvalidOperationException("The batch was abandoned: nothing more is started.");
            WriteReady();
            while (Waiting >= ThrottleLimit || unwritten.Count >= MaxWaitingToBeWritten) WaitAndWrite();
            cancellation.ThrowIfCancellationRequested();
            var outcome = new TaskCompletionSource<TResult>();
            unwritten.Enqueue(new Entry(nextIndex++, item, outcome.Task));
            var call = new Pending(work, outcome, item);
            lock (gate)
            {
                if (running >= ThrottleLimit)
                {
                    waiting.Enqueue(call);
                    return;
                }
                running++;
            }
            Start(call);
        }

        private int Waiting
        {
            get { lock (gate) return waiting.Count; }
        }

        private void Start(Pending call)
        {
            Task<TResult> task;
            // The call's log lines follow the async flow that starts here (see LogScope) into this queue.
            using (LogScope.Begin(sink)) task = Task.Run(() => call.Work(cancellation), cancellation);
            task.ContinueWith(finished => Finished(finished, call.Outcome), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        /// <summary>An item that failed before any call (bad input): its error is written in its place in the order.</summary>
        public void AddFailure(Exception failure, TItem item)
        {
            Interlocked.Increment(ref failed);
            unwritten.Enqueue(new Entry(nextIndex++, item, Task.FromException<TResult>(failure)));
            WriteReady();
        }

        /// <summary>
        /// Starts nothing more: the calls not started yet end with <see cref="NotStartedException"/> (nothing was sent for
        /// them), while those in flight go on, each bounded by its own timeout; <see cref="Drain"/> then writes every
        /// outcome in order. For a command that ends early (a terminating error, a stream that stops it): what was sent is
        /// still awaited and told, what was not is told as not sent.
        /// </summary>
        /// <returns>The items whose calls were not started; safe to call from any thread, and again (then nothing more).</returns>
        public IReadOnlyList<TItem> Abandon()
        {
            List<Pending> dropped;
            lock (gate)
            {
                closed = true;
                dropped = new List<Pending>(waiting);
                waiting.Clear();
            }
            foreach (var call in dropped) call.Outcome.TrySetException(new NotStartedException());
            signal.Release();
            return dropped.ConvertAll(call => call.Item);
        }

        /// <summary>Waits for every item in flight, writing as they finish; the last outcome is written on return.</summary>
        public void Drain()
        {
            WriteReady();
            while (unwritten.Count > 0) WaitAndWrite();
            WriteLogs();
        }

        private void Finished(Task<TResult> task, TaskCompletionSource<TResult> outcome)
        {
            if (task.Status == TaskStatus.RanToCompletion) Interlocked.Increment(ref succeeded);
            else Interlocked.Increment(ref failed);
            Pending? next = null;
            lock (gate)
            {
                // The slot goes to the next in line at once; once the owner is stopped or ending, nothing more starts.
                if (waiting.Count > 0 && !closed && !cancellation.IsCancellationRequested) next = waiting.Dequeue();
                else running--;
            }
            if (task.Status == TaskStatus.RanToCompletion) outcome.TrySetResult(task.Result);
            else if (task.IsCanceled) outcome.TrySetCanceled();
            else outcome.TrySetException(task.Exception!.InnerExceptions);
            if (next != null) Start(next);
            signal.Release();
        }

        private sealed class Pending
        {
            public Pending(Func<CancellationToken, Task<TResult>> work, TaskCompletionSource<TResult> outcome, TItem item)
            {
                Work = work;
                Outcome = outcome;
                Item = item;
            }

            public TItem Item { get; }

            public Func<CancellationToken, Task<TResult>> Work { get; }

            /// <summary>Completed as the call is: what the owner's thread looks at, started or not.</summary>
            public TaskCompletionSource<TResult> Outcome { get; }
        }

        private readonly struct Entry
        {
            public Entry(int index, TItem item, Task<TResult> task)
            {
                Index = index;
                Item = item;
                Task = task;
            }

            public int Index { get; }

            public TItem Item { get; }

            public Task<TResult> Task { get; }
        }
    }
}
