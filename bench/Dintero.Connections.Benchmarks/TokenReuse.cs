using Dintero.Connections.Auth;
using Dintero.Connections.Http;
using Dintero.Emulator;

namespace Dintero.Connections.Benchmarks;

/// <summary>How many token requests calls cost against the emulator: one per client and account, whatever the load.</summary>
public static class TokenReuse
{
    public static async Task RunAsync()
    {
        await using var emulator = await DinteroEmulator.StartAsync(new EmulatorOptions());
        DinteroApi NewClient(TokenCache cache) => new(new DinteroApiOptions
        {
            BaseUri = emulator.BaseUri,
            Credential = new DinteroCredential(EmulatorOptions.DemoClientId, EmulatorOptions.DemoClientSecret),
            TokenCache = cache,
        });

        using (var client = NewClient(new TokenCache()))
        {
            for (var i = 0; i < 1_000; i++) await client.GetAccountSettingsAsync(Samples.AccountId);
        }
        var sequential = emulator.Requests.TokenRequests;
        emulator.Requests.Clear();

        // 16 tasks that start together, one call each, on one fresh client: they wait for the one token request.
        using (var client = NewClient(new TokenCache()))
        {
            using var start = new ManualResetEventSlim();
            var tasks = Enumerable.Range(0, 16).Select(_ => Task.Run(async () => { start.Wait(); await client.GetAccountSettingsAsync(Samples.AccountId); })).ToList();
            start.Set();
            await Task.WhenAll(tasks);
        }
        var concurrent = emulator.Requests.TokenRequests;

        Console.WriteLine("Token requests against the emulator");
        Console.WriteLine($"  1,000 sequential calls on one client:     {sequential} token request(s) (target 1) {Harness.Verdict(sequential == 1)}");
        Console.WriteLine($"  16 concurrent tasks (1 call each), fresh: {concurrent} token request(s) (target 1) {Harness.Verdict(concurrent == 1)}");
    }
}
