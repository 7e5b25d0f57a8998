using System.Diagnostics;

namespace Dintero.Connections.Benchmarks;

/// <summary>Time and allocation per operation of two sides, measured in alternating rounds so both see the same machine.</summary>
public static class Harness
{
    public sealed record Side(double MicrosecondsPerOp, double BytesPerOp);

    /// <summary>
    /// <c>--smoke</c>: every bench runs once, briefly, with a few rows, to show that it still runs (CI); the figures it
    /// prints then mean nothing.
    /// </summary>
    public static bool Smoke { get; set; }

    /// <summary>How long code runs before it is measured: tiered compilation replaces hot methods only after a while.</summary>
    public static TimeSpan WarmUp => Smoke ? TimeSpan.Zero : TimeSpan.FromSeconds(2);

    /// <summary>
    /// Measures both sides in rounds of baseline, subject, subject, baseline (so drift of the machine hits both alike),
    /// and reports the median of each round's ratio, with the medians of the absolute figures for reading.
    /// </summary>
    public static async Task<Comparison> CompareAsync(Func<Task> baseline, Func<Task> subject, int opsPerRound = 1_000, int rounds = 31)
    {
        if (Smoke) (opsPerRound, rounds) = (10, 1);
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < WarmUp) { await baseline(); await subject(); }
        var baseTimes = new List<double>();
        var subjectTimes = new List<double>();
        var baseBytes = new List<double>();
        var subjectBytes = new List<double>();
        var timeRatios = new List<double>();
        var byteRatios = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var (b1, bb1) = await RoundAsync(baseline, opsPerRound);
            var (s1, sb1) = await RoundAsync(subject, opsPerRound);
            var (s2, sb2) = await RoundAsync(subject, opsPerRound);
            var (b2, bb2) = await RoundAsync(baseline, opsPerRound);
            baseTimes.Add((b1 + b2) / 2); subjectTimes.Add((s1 + s2) / 2);
            baseBytes.Add((bb1 + bb2) / 2); subjectBytes.Add((sb1 + sb2) / 2);
            timeRatios.Add((s1 + s2) / (b1 + b2));
            byteRatios.Add((sb1 + sb2) / (bb1 + bb2));
        }
        return new Comparison(new Side(Median(baseTimes), Median(baseBytes)), new Side(Median(subjectTimes), Median(subjectBytes)), Median(timeRatios), Median(byteRatios));
    }

    public sealed record Comparison(Side Baseline, Side Subject, double TimeRatio, double ByteRatio);

    public static void Print(string what, Comparison comparison, double timeTarget, double allocationTarget)
    {
        var (baseline, subject) = (comparison.Baseline, comparison.Subject);
        Console.WriteLine($"{what}");
        Console.WriteLine($"  raw HttpClient + System.Text.Json: {baseline.MicrosecondsPerOp,8:0.0} us  {baseline.BytesPerOp / 1024,7:0.0} KiB per call");
        Console.WriteLine($"  DinteroApi:                        {subject.MicrosecondsPerOp,8:0.0} us  {subject.BytesPerOp / 1024,7:0.0} KiB per call");
        Console.WriteLine($"  ratio (median of rounds): time {comparison.TimeRatio:0.00}x (target <= {timeTarget}x) {Verdict(comparison.TimeRatio <= timeTarget)}, allocation {comparison.ByteRatio:0.00}x (target <= {allocationTarget}x) {Verdict(comparison.ByteRatio <= allocationTarget)}");
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
