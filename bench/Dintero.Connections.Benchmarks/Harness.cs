using System.Diagnostics;

namespace Dintero.Connections.Benchmarks;

/// <summary>Time and allocation per operation of two sides, measured in alternating rounds so both see the same machine.</summary>
public static class Harness
{
    public sealed record Side(double MicrosecondsPerOp, double BytesPerOp);

    public static async Task<(Side Baseline, Side Subject)> CompareAsync(Func<Task> baseline, Func<Task> subject, int opsPerRound = 2_000, int rounds = 15)
    {
        // Warm-up: JIT, connection pools, caches.
        for (var i = 0; i < opsPerRound; i++) { await baseline(); await subject(); }
        var baseTimes = new List<double>();
        var subjectTimes = new List<double>();
        var baseBytes = new List<double>();
        var subjectBytes = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var (bt, bb) = await RoundAsync(baseline, opsPerRound);
            var (st, sb) = await RoundAsync(subject, opsPerRound);
            baseTimes.Add(bt); baseBytes.Add(bb); subjectTimes.Add(st); subjectBytes.Add(sb);
        }
        return (new Side(Median(baseTimes), Median(baseBytes)), new Side(Median(subjectTimes), Median(subjectBytes)));
    }

    public static void Print(string what, Side baseline, Side subject, double timeTarget, double allocationTarget)
    {
        var timeRatio = subject.MicrosecondsPerOp / baseline.MicrosecondsPerOp;
        var byteRatio = subject.BytesPerOp / baseline.BytesPerOp;
        Console.WriteLine($"{what}");
        Console.WriteLine($"  raw HttpClient + System.Text.Json: {baseline.MicrosecondsPerOp,8:0.0} us  {baseline.BytesPerOp / 1024,7:0.0} KiB per call");
        Console.WriteLine($"  DinteroClient:                     {subject.MicrosecondsPerOp,8:0.0} us  {subject.BytesPerOp / 1024,7:0.0} KiB per call");
        Console.WriteLine($"  ratio: time {timeRatio:0.00}x (target <= {timeTarget}x) {Verdict(timeRatio <= timeTarget)}, allocation {byteRatio:0.00}x (target <= {allocationTarget}x) {Verdict(byteRatio <= allocationTarget)}");
    }

    public static string Verdict(bool met) => met ? "met" : "NOT MET";

    private static async Task<(double Microseconds, double Bytes)> RoundAsync(Func<Task> op, int count)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++) await op();
        watch.Stop();
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        return (watch.Elapsed.TotalMicroseconds / count, (double)bytes / count);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
