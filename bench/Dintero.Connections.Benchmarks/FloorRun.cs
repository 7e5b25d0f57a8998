using System.Diagnostics;
using Dintero.Connections.Concurrency;

namespace Dintero.Connections.Benchmarks;

/// <summary>
/// A batch of calls run as a cmdlet runs them (its owner on a pipeline thread of its own, -ThrottleLimit in flight), and
/// its time printed against the latency floor with the outcomes' count, failures and order: the go-live and approvals
/// benches measure every step so.
/// </summary>
public static class FloorRun
{
    public static (OrderCheck<T> Outcomes, TimeSpan Time) Run<T>(int count, int throttleLimit, Func<int, Func<CancellationToken, Task<T>>> call)
    {
        var outcomes = new OrderCheck<T>();
        var watch = Stopwatch.StartNew();
        PipelineThread.Run(() =>
        {
            var work = new BatchRunner<int, T>(throttleLimit, outcomes, CancellationToken.None);
            for (var i = 0; i < count; i++) work.Add(call(i), i);
            work.Drain();
        }).GetAwaiter().GetResult();
        return (outcomes, watch.Elapsed);
    }

    public static void Print<T>(string what, TimeSpan time, TimeSpan floor, OrderCheck<T> outcomes)
    {
        var ratio = time / floor;
        Console.WriteLine($"  {what}: {time.TotalSeconds,6:0.00} s (floor {floor.TotalSeconds:0.0} s, {ratio:0.00}x; target <= 1.15x) {Harness.Verdict(ratio <= 1.15)}; {outcomes.Count:N0} rows, {outcomes.Failures} failed, in input order: {outcomes.InOrder}");
    }
}
