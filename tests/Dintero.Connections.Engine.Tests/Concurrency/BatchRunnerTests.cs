using Dintero.Connections.Concurrency;
using Dintero.Connections.Logging;

namespace Dintero.Connections.Engine.Tests.Concurrency;

/// <summary>
/// The pump every cmdlet runs its engine calls through: a throttle, outcomes in input order, log lines while the
/// calls run, all written on the owner's thread.
/// </summary>
public sealed class BatchRunnerTests
{
    /// <summary>Records what the owner's thread was given, and on which thread.</summary>
    private sealed class Recorder : IBatchOutput<string?, int>
    {
        public int OwnerThread { get; } = Environment.CurrentManagedThreadId;
        public List<string> Written { get; } = new();
        public List<BatchProgress> Progress { get; } = new();
        public bool WrittenOffOwnerThread { get; private set; }
        public Action<BatchOutcome<string?, int>>? OnOutcome { get; set; }

        public bool IsLogEnabled(DinteroLogLevel level) => level >= DinteroLogLevel.Verbose;

        public void WriteLog(DinteroLogEntry entry) => Record("log " + entry.Message);

        public void WriteOutcome(BatchOutcome<string?, int> outcome)
        {
            Record(outcome.Failure == null ? $"result {outcome.Result}" : $"error {outcome.Index} {outcome.Failure.Message}");
            OnOutcome?.Invoke(outcome);
        }

        public void WriteProgress(BatchProgress progress)
        {
            Record("progress");
            Progress.Add(progress);
        }

        private void Record(string what)
        {
            if (Environment.CurrentManagedThreadId != OwnerThread) WrittenOffOwnerThread = true;
            lock (Written) Written.Add(what);
        }
    }

    [Fact]
    public void An_abandoned_batch_starts_nothing_more_awaits_what_it_sent_and_tells_the_rest_as_not_started()
    {
        var output = new Recorder();
        var work = new BatchRunner<string?, int>(2, output, CancellationToken.None);
        var release = new SemaphoreSlim(0);
        var started = 0;

        // Two in flight, held; two waiting their turn.
        for (var i = 0; i < 4; i++)
        {
            var value = i;
            work.Add(async _ =>
            {
                Interlocked.Increment(ref started);
                await release.WaitAsync(TimeSpan.FromSeconds(10));
                return value;
            }, value.ToString());
        }
        var notStarted = work.Abandon();
        release.Release(2);
        work.Drain();

        Assert.Equal(new[] { "2", "3" }, notStarted);
        Assert.Equal(2, started);
        Assert.Equal(new[] { "result 0", "result 1" }, output.Written.Where(w => w.StartsWith("result")));
        Assert.Equal(2, output.Written.Count(w => w.StartsWith("error") && w.Contains("Not sent")));
        Assert.Throws<InvalidOperationException>(() => work.Add(_ => Task.FromResult(9), null));
    }

    [Fact]
    public void With_a_limit_of_one_each_item_completes_before_the_next_starts()
    {
        var output = new Recorder();
        var work = new BatchRunner<string?, int>(1, output, CancellationToken.None);
        var running = 0;
        var most = 0;

        for (var i = 0; i < 5; i++)
        {
            var value = i;
            work.Add(async _ =>
            {
                most = Math.Max(most, Interlocked.Increment(ref running));
                await Task.Delay(5);
                Interlocked.Decrement(ref running);
                return value;
            }, null);
        }
        work.Drain();

        Assert.Equal(new[] { "result 0", "result 1", "result 2", "result 3", "result 4" }, output.Written.Where(w => w.StartsWith("result")));
        Assert.Equal(1, most);
        Assert.False(output.WrittenOffOwnerThread);
    }

    [Fact]
    public void With_a_higher_limit_items_overlap_and_outcomes_keep_input_order()
    {
        var output = new Recorder();
        var work = new BatchRunner<string?, int>(3, output, CancellationToken.None);
        var gate = new SemaphoreSlim(0);

        // The first item waits until the third has started: only possible when three are in flight at once.
        work.Add(async _ => { await gate.WaitAsync(TimeSpan.FromSeconds(10)); return 0; }, null);
        work.Add(_ => Task.FromResult(1), null);
        work.Add(_ => { gate.Release(); return Task.FromResult(2); }, null);
        var beforeDrain = output.Written.Count(w => w.StartsWith("result"));
        work.Drain();

        Assert.True(beforeDrain <= 3);
        Assert.Equal(new[] { "result 0", "result 1", "result 2" }, output.Written.Where(w => w.StartsWith("result")));
    }

    [Fact]
    public void A_failed_item_is_an_outcome_in_its_place_and_the_others_go_on()
    {
        var output = new Recorder();
        var work = new BatchRunner<string?, int>(4, output, CancellationToken.None);

        work.Add(_ => Task.FromResult(0), "first");
        work.Add(_ => Task.FromException<int>(new InvalidOperationException("boom")), "second");
        work.Add(_ => Task.FromResult(2), "third");
        work.Drain();

        Assert.Equal(new[] { "result 0", "error 1 boom", "result 2" }, output.Written.Where(w => !w.StartsWith("progress")));
    }

    [Fact]
    public void An_item_refused_before_any_call_is_written_in_its_place()
    {
        var output = new Recorder();
        var work = new BatchRunner<string?, int>(4, output, CancellationToken.None);
        var release = new SemaphoreSlim(0);

        work.Add(async _ => { await release.WaitAsync(TimeSpan.FromSeconds(10)); return 0; }, null);
        work.AddFailure(new InvalidOperationException("bad row"), null);
        work.Add(_ => Task.FromResult(2), null);
        Assert.DoesNotContain(output.Written, w => w.StartsWith("error")); // not before item 0
        release.Release();
        work.Drain();

        Assert.Equal(new[] { "result 0", "error 1 bad row", "result 2" }, output.Written.Where(w => !w.StartsWith("progress")));
        Assert.Equal((2, 1, 0), (work.Progress.Succeeded, work.Progress.Failed, work.Progress.InFlight));
    }

    [Fact]
    public void A_slow_item_holds_back_the_writing_of_later_ones_not_their_running()
    {
        var output = new Recorder();
        var work = new BatchRunner<string?, int>(2, output, CancellationToken.None);
        var fifthStarted = new SemaphoreSlim(0);

        // With a limit of 2, the fifth item starts while the first still runs only if finished items free their slot.
        work.Add(async _ => await fifthStarted.WaitAsync(TimeSpan.FromSeconds(10)) ? 0 : -1, null);
        for (var i = 1; i < 4; i++)
        {
            var value = i;
            work.Add(_ => Task.FromResult(value), null);
        }
        work.Add(_ => { fifthStarted.Release(); return Task.FromResult(4); }, null);
        work.Drain();

        Assert.Equal(new[] { "result 0", "result 1", "result 2", "result 3", "result 4" }, output.Written.Where(w => w.StartsWith("result")));
    }

    [Fact]
    public void Log_lines_are_written_while_the_call_is_still_running()
    {
        var output = new Recorder();
        var work = new BatchRunner<string?, int>(1, output, CancellationToken.None);
        bool Written() { lock (output.Written) return output.Written.Contains("log trying again in 30 s"); }

        // The call logs, then waits until the owner's thread has written the line: it ends with 1 only if the line
        // reached the owner while the call was still running, and with -1 after 10 s otherwise.
        work.Add(async _ =>
        {
            LogScope.Ambient.Write(new DinteroLogEntry(DinteroLogLevel.Warning, "trying again in 30 s"));
            for (var waited = 0; waited < 1000 && !Written(); waited++) await Task.Delay(10);
            return Written() ? 1 : -1;
        }, null);
        work.Drain();

        Assert.Equal(new[] { "log trying again in 30 s", "result 1" }, output.Written.Where(w => !w.StartsWith("progress")));
        Assert.False(output.WrittenOffOwnerThread);
    }

    [Fact]
    public void Lines_below_the_wanted_level_are_not_built()
    {
        var output = new Recorder();
        var work = new BatchRunner<string?, int>(1, output, CancellationToken.None);
        var askedForDebug = true;

        work.Add(_ =>
        {
            askedForDebug = LogScope.Ambient.IsEnabled(DinteroLogLevel.Debug);
            return Task.FromResult(0);
        }, null);
        work.Drain();

        Assert.False(askedForDebug);
    }

    [Fact]
    public async Task Cancelling_stops_the_waiting_at_once_and_cancels_the_calls_in_flight()
    {
        var output = new Recorder();
        using var stop = new CancellationTokenSource();
        var work = new BatchRunner<string?, int>(2, output, stop.Token);
        var started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sawCancellation = new TaskCompletionSource<bool>();
        work.Add(async token =>
        {
            started.TrySetResult(true);
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), token);
            }
            catch (OperationCanceledException)
            {
                sawCancellation.TrySetResult(true);
                throw;
            }
            return 0;
        }, null);

        // Cancelled once the call is under way (a busy thread pool may take a while to start it).
        _ = started.Task.ContinueWith(_ => stop.CancelAfter(TimeSpan.FromMilliseconds(100)), TaskScheduler.Default);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() => work.Drain());

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Same(sawCancellation.Task, await Task.WhenAny(sawCancellation.Task, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.True(await sawCancellation.Task);
        Assert.DoesNotContain(output.Written, w => w.StartsWith("result") || w.StartsWith("error"));
        Assert.ThrowsAny<OperationCanceledException>(() => work.Add(_ => Task.FromResult(1), null));
    }

    [Fact]
    public void Progress_counts_done_failed_and_in_flight()
    {
        var output = new Recorder();
        var work = new BatchRunner<string?, int>(2, output, CancellationToken.None);

        work.Add(_ => Task.FromResult(0), null);
        work.Add(_ => Task.FromException<int>(new InvalidOperationException("no")), null);
        work.Drain();

        var last = work.Progress;
        Assert.Equal((1, 1, 0), (last.Succeeded, last.Failed, last.InFlight));
        Assert.Matches(@"^2 done \(1 failed\), 0 in flight, [\d.]+/s$", last.ToString());
        Assert.NotEmpty(output.Progress);
    }

    [Fact]
    public void Run_returns_the_result_or_throws_the_failure()
    {
        var output = new Recorder();

        Assert.Equal(7, BatchRunner.Run(_ => Task.FromResult(7), output, CancellationToken.None));
        var error = Assert.Throws<InvalidOperationException>(() => BatchRunner.Run(_ => Task.FromException<int>(new InvalidOperationException("nope")), output, CancellationToken.None));
        Assert.Equal("nope", error.Message);
    }

    [Fact]
    public void Each_outcome_carries_the_item_it_was_added_with_in_input_order()
    {
        var output = new Recorder();
        var items = new List<string?>();
        output.OnOutcome = outcome => items.Add(outcome.Item);
        var work = new BatchRunner<string?, int>(3, output, CancellationToken.None);

        work.Add(async _ => { await Task.Delay(50); return 0; }, "row a");
        work.AddFailure(new InvalidOperationException("refused"), "row b");
        work.Add(_ => Task.FromResult(2), "row c");
        work.Drain();

        Assert.Equal(new[] { "row a", "row b", "row c" }, items);
    }
}
