using System.Diagnostics;
using Dintero.Connections.Auth;
using Dintero.Connections.Binding;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Http;
using Dintero.Connections.Kinds;
using Dintero.Connections.Logging;
using Dintero.Connections.Models;
using Dintero.Connections.Validation;
using Dintero.Emulator;
using Dintero.Emulator.Faults;

namespace Dintero.Connections.Benchmarks;

/// <summary>
/// A sheet of Common signups against the emulator with Dintero-like latency on each signup: one at a time, and
/// the way New-DinteroCommonConnection -ThrottleLimit 8 runs them (each row bound and validated on the owner's
/// thread, up to 8 requests in flight through BatchRunner, outcomes in input order). The floors are what the
/// latency alone costs: count x latency, and count x latency / 8.
/// </summary>
public static class BulkSignups
{
    public static async Task RunAsync(int count, int latencyMilliseconds, int throttleLimit)
    {
        await using var emulator = await DinteroEmulator.StartAsync(new EmulatorOptions());
        emulator.Faults.Add(new Fault { Method = "POST", Path = "/v1/accounts/*/management/settings/connections/common", DelayMilliseconds = latencyMilliseconds, Times = -1 });
        using var client = new DinteroApi(new DinteroApiOptions
        {
            BaseUri = emulator.BaseUri,
            Credential = new DinteroCredential(EmulatorOptions.DemoClientId, EmulatorOptions.DemoClientSecret),
        });
        await client.AuthenticateAsync(Samples.AccountId);
        var latency = TimeSpan.FromMilliseconds(latencyMilliseconds);

        var sequentialWatch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++) await client.CreateConnectionAsync(ConnectionKinds.Common.Check(Samples.Signup()), Samples.AccountId);
        sequentialWatch.Stop();
        var sequentialFloor = latency * count;

        var output = new OrderCheck<CommonConnection>();
        var throttledWatch = Stopwatch.StartNew();
        await PipelineThread.Run(() =>
        {
            var work = new BatchRunner<int, CommonConnection>(throttleLimit, output, CancellationToken.None);
            for (var i = 0; i < count; i++)
            {
                var bound = InputBinder.BindInput<CommonConnectionSignup>(Samples.Row(i), "The Common signup", SignupValidator.Root, Samples.ParameterKeys);
                var accountId = (string)bound.ParameterValues["AccountId"]!;
                var signup = ConnectionKinds.Common.Check(bound.Model);
                work.Add(token => client.CreateConnectionAsync(signup, accountId, token), i);
            }
            work.Drain();
        });
        throttledWatch.Stop();
        var throttledFloor = latency * count / throttleLimit;

        var throttledRatio = throttledWatch.Elapsed / throttledFloor;
        Console.WriteLine($"{count:N0} Common signups, {latencyMilliseconds} ms of latency each");
        Console.WriteLine($"  one at a time:                {sequentialWatch.Elapsed.TotalSeconds,6:0.00} s (floor {sequentialFloor.TotalSeconds:0.0} s, {sequentialWatch.Elapsed / sequentialFloor:0.00}x)");
        Console.WriteLine($"  cmdlet path, -ThrottleLimit {throttleLimit}: {throttledWatch.Elapsed.TotalSeconds,6:0.00} s (floor {throttledFloor.TotalSeconds:0.0} s, {throttledRatio:0.00}x; target <= 1.15x) {Harness.Verdict(throttledRatio <= 1.15)}");
        Console.WriteLine($"  outcomes in input order: {output.InOrder} ({output.Count:N0} written, {output.Failures} failed)");
    }
}
