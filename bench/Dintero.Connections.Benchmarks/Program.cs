using Dintero.Connections.Benchmarks;

// dotnet run -c Release --project bench/Dintero.Connections.Benchmarks -- [client|tokens|bulk|partner|reruns|golive|approvals|memory|all] [--count N] [--latency MS] [--throttle N] [--smoke]
var what = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !char.IsDigit(a[0])) ?? "all";
// --smoke: a few rows and no latency, once: that every bench still runs (CI runs it so), not what it measures.
Harness.Smoke = args.Contains("--smoke");
int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    if (at >= 0 && at + 1 < args.Length) return int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture);
    return Harness.Smoke ? name switch { "--count" => 20, "--latency" => 1, _ => fallback } : fallback;
}

if (what is "client" or "all") await ClientOverhead.RunAsync();
if (what is "tokens" or "all") await TokenReuse.RunAsync();
if (what is "memory" or "all") StreamingMemory.Run(Option("--count", 10_000));
if (what is "bulk" or "all") await BulkSignups.RunAsync(Option("--count", 1_000), Option("--latency", 40), Option("--throttle", 8));
if (what is "partner" or "all") await PartnerBulk.RunAsync(Option("--count", 1_000), Option("--latency", 40), Option("--throttle", 8));
if (what is "reruns" or "all") await Reruns.RunAsync(Option("--count", 1_000), Option("--latency", 40), Option("--throttle", 8));
if (what is "golive" or "all") await GoLive.RunAsync(Option("--count", 1_000), Option("--latency", 40), Option("--throttle", 8));
if (what is "approvals" or "all") await ApprovalsBench.RunAsync(Option("--count", 1_000), Option("--latency", 40), Option("--throttle", 8));
if (what is not ("client" or "tokens" or "memory" or "bulk" or "partner" or "reruns" or "golive" or "approvals" or "all"))
{
    Console.Error.WriteLine("Benchmarks: client, tokens, memory, bulk, partner, reruns, golive or all (the default). The soak of a faulty day: pwsh bench/Soak.ps1.");
    return 2;
}
return 0;
