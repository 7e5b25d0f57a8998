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
/// A partner's sheet of 1,000 merchants, with Dintero-like latency on every call (tokens, exchanges, signups, reads),
/// the way New-DinteroCommonConnection -ThrottleLimit 8 runs it connected as the partner: each merchant needs an
/// exchange token, its own token and the signup POST on the first pass, so the floor is 3 x count x latency / 8. The
/// second pass (Get-DinteroConnection over the same merchants, in the same session) needs no token at all: count x
/// latency / 8. Token requests per merchant are counted by the emulator.
/// </summary>
public static class PartnerBulk
{
    private const string PartnerId = "T11200000";
    private const string ClientId = "bench-partner";
    private const string ClientSecret = "bench-partner-secret";

    public static async Task RunAsync(int count, int latencyMilliseconds, int throttleLimit)
    {
        var options = new EmulatorOptions();
        options.Clients[ClientId] = new ConfiguredClient(ClientSecret, PartnerId);
        var merchants = options.AddPartner(PartnerId, count);
        options.AccountsWithOrganizationNumber.AddRange(merchants);
        await using var emulator = await DinteroEmulator.StartAsync(options);
        foreach (var (method, path) in new[] { ("POST", "/v1/accounts/*/auth/token"), ("POST", "/v1/accounts/*/auth/exchange_token"), ("POST", "/v1/accounts/*/management/settings/connections/common"), ("GET", "/v1/accounts/*/management/settings/connections/common") })
        {
            emulator.Faults.Add(new Fault { Method = method, Path = path, DelayMilliseconds = latencyMilliseconds, Times = -1 });
        }
        using var client = new DinteroApi(new DinteroApiOptions { BaseUri = emulator.BaseUri, Credential = new DinteroCredential(ClientId, ClientSecret), AccountId = PartnerId });
        await client.AuthenticateAsync(PartnerId);
        var latency = TimeSpan.FromMilliseconds(latencyMilliseconds);

        var signups = new OrderCheck<CommonConnection>();
        var firstWatch = Stopwatch.StartNew();
        await PipelineThread.Run(() =>
        {
            var work = new BatchRunner<int, CommonConnection>(throttleLimit, signups, CancellationToken.None);
            for (var i = 0; i < count; i++)
            {
                var bound = InputBinder.BindInput<CommonConnectionSignup>(Samples.Row(i, merchants[i]), "The Common signup", SignupValidator.Root, Samples.ParameterKeys);
                var accountId = (string)bound.ParameterValues["AccountId"]!;
                var signup = ConnectionKinds.Common.Check(bound.Model);
                work.Add(token => client.CreateConnectionAsync(signup, accountId, token), i);
            }
            work.Drain();
        });
        firstWatch.Stop();
        var tokensAfterFirst = emulator.Requests.Entries.Count(entry => entry.Path.Contains("/auth/"));

        var reads = new OrderCheck<CommonConnection>();
        var secondWatch = Stopwatch.StartNew();
        await PipelineThread.Run(() =>
        {
            var work = new BatchRunner<int, CommonConnection>(throttleLimit, reads, CancellationToken.None);
            for (var i = 0; i < count; i++)
            {
                var accountId = merchants[i];
                work.Add(token => client.GetConnectionAsync(ConnectionKinds.Common, accountId, token), i);
            }
            work.Drain();
        });
        secondWatch.Stop();

        var entries = emulator.Requests.Entries;
        var exchanges = merchants.Select(m => entries.Count(e => e.Path.EndsWith("/auth/exchange_token") && e.Body.Contains(m))).ToList();
        var merchantTokens = merchants.Select(m => entries.Count(e => e.Path == $"/v1/accounts/{m}/auth/token")).ToList();
        var firstFloor = latency * 3 * count / throttleLimit;
        var secondFloor = latency * count / throttleLimit;
        var firstRatio = firstWatch.Elapsed / firstFloor;
        var secondRatio = secondWatch.Elapsed / secondFloor;
        Console.WriteLine($"Partner {PartnerId}, {count:N0} merchants, {latencyMilliseconds} ms of latency on every call, -ThrottleLimit {throttleLimit}");
        Console.WriteLine($"  first pass (exchange, token, signup): {firstWatch.Elapsed.TotalSeconds,6:0.00} s (floor {firstFloor.TotalSeconds:0.0} s, {firstRatio:0.00}x; target <= 1.15x) {Harness.Verdict(firstRatio <= 1.15)}");
        Console.WriteLine($"  second pass (read each connection):   {secondWatch.Elapsed.TotalSeconds,6:0.00} s (floor {secondFloor.TotalSeconds:0.0} s, {secondRatio:0.00}x; target <= 1.15x) {Harness.Verdict(secondRatio <= 1.15)}");
        var secondPassTokens = entries.Count(e => e.Path.Contains("/auth/")) - tokensAfterFirst;
        Console.WriteLine($"  token requests in the second pass: {secondPassTokens} (target 0) {Harness.Verdict(secondPassTokens == 0)}");
        Console.WriteLine($"  per merchant: exchanges {exchanges.Min()}..{exchanges.Max()}, merchant tokens {merchantTokens.Min()}..{merchantTokens.Max()} (target 1 each) {Harness.Verdict(exchanges.All(n => n == 1) && merchantTokens.All(n => n == 1))}");
        Console.WriteLine($"  outcomes in input order: {signups.InOrder && reads.InOrder} ({signups.Count:N0} signups, {signups.Failures} failed; {reads.Count:N0} reads, {reads.Failures} failed)");
    }
}
