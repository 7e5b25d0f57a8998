using System.Net.Http.Json;
using System.Text.Json;
using Dintero.Connections.Auth;
using Dintero.Connections.Clients;
using Dintero.Connections.Http;
using Dintero.Connections.Models;
using Dintero.Connections.Readiness;
using Dintero.Connections.Rows;
using Dintero.Emulator;
using Dintero.Emulator.Faults;

namespace Dintero.Connections.Benchmarks;

/// <summary>
/// A partner's book of 1,000 merchants taken live, with Dintero-like latency on every call, as
/// Get-DinteroMerchantReadiness and New-DinteroApiClient -ThrottleLimit 8 run it connected as the partner:
/// <list type="number">
/// <item>the readiness report: five reads a merchant (settings, payment approvals, clients, grants, the default profile)
/// plus its token chain (exchange, token), so the floor is (5 + 2) x count x latency / 8;</item>
/// <item>an API client for every merchant, in the same session (the tokens are cached): two calls each, the client and its
/// grant, floor 2 x count x latency / 8;</item>
/// <item>the same with 1% of the grant calls failing (the emulator's seeded share): every failed grant's client must be
/// deleted, so no client without a grant is left, counted by the emulator.</item>
/// </list>
/// </summary>
public static class GoLive
{
    private const string PartnerId = "T11200000";
    private const string ClientId = "bench-partner";
    private const string ClientSecret = "bench-partner-secret";
    private const string Grants = "/v1/accounts/*/auth/client-grants";

    public static async Task RunAsync(int count, int latencyMilliseconds, int throttleLimit)
    {
        var options = new EmulatorOptions();
        options.Clients[ClientId] = new ConfiguredClient(ClientSecret, PartnerId);
        var merchants = options.AddPartner(PartnerId, count);
        await using var emulator = await DinteroEmulator.StartAsync(options);
        foreach (var (method, path) in new[]
        {
            ("POST", "/v1/accounts/*/auth/token"), ("POST", "/v1/accounts/*/auth/exchange_token"), ("GET", "/v1/accounts/*/management/settings"),
            ("GET", "/v1/accounts/*/auth/clients"), ("POST", "/v1/accounts/*/auth/clients"), ("GET", Grants), ("POST", Grants), ("DELETE", "/v1/accounts/*/auth/clients/*"),
            ("GET", "/checkout/v1/admin/session/profiles/*"), ("GET", "/v1/accounts/*/management/settings/approvals/payments"),
        })
        {
            emulator.Faults.Add(new Fault { Method = method, Path = path, DelayMilliseconds = latencyMilliseconds, Times = -1 });
        }
        using var client = new DinteroApi(new DinteroApiOptions { BaseUri = emulator.BaseUri, CheckoutBaseUri = emulator.CheckoutBaseUri, Credential = new DinteroCredential(ClientId, ClientSecret), AccountId = PartnerId });
        await client.AuthenticateAsync(PartnerId);
        var latency = TimeSpan.FromMilliseconds(latencyMilliseconds);
        Console.WriteLine($"Go live: partner {PartnerId}, {count:N0} merchants, {latencyMilliseconds} ms of latency on every call, -ThrottleLimit {throttleLimit}");

        var check = new ReadinessCheck(client);
        var (readiness, readinessTime) = FloorRun.Run<ReadinessOutcome>(count, throttleLimit, i => token => check.CheckAsync(merchants[i], token));
        var readinessFloor = latency * (ReadinessCheck.Reads + 2) * count / throttleLimit;
        FloorRun.Print($"readiness report ({ReadinessCheck.Reads} reads + exchange + token each)", readinessTime, readinessFloor, readiness);

        var request = new ApiClientRequest("Web shop", null, null, null).Checked();
        var setup = new RowRunner<ApiClientRequest, ApiClientWithSecret>(new ApiClientSpec(client), force: false);
        emulator.Requests.Clear();
        var (made, madeTime) = FloorRun.Run<RowResult<ApiClientWithSecret>>(count, throttleLimit, i => token => setup.RunAsync(merchants[i], i, request, token));
        var calls = emulator.Requests.Entries.Count;
        FloorRun.Print("New-DinteroApiClient (client + grant each)", madeTime, latency * 2 * count / throttleLimit, made);
        Console.WriteLine($"    calls: {calls:N0} for {count:N0} merchants (target {2 * count:N0}) {Harness.Verdict(calls == 2 * count)}");

        // The same again, under another name, with 1% of the grants failing. The share goes first, as slow as a grant that
        // works: the injector takes the first fault that matches and is drawn, and the others still add the latency.
        var latencies = emulator.Faults.All.ToList();
        emulator.Faults.Clear();
        emulator.Faults.Add(new Fault { Method = "POST", Path = Grants, Status = 500, Share = 0.01, Seed = 21, DelayMilliseconds = latencyMilliseconds, Times = -1 });
        foreach (var each in latencies) emulator.Faults.Add(new Fault { Method = each.Method, Path = each.Path, DelayMilliseconds = each.DelayMilliseconds, Times = -1 });
        var faulted = new ApiClientRequest("Point of sale", null, null, null).Checked();
        var (underFaults, faultedTime) = FloorRun.Run<RowResult<ApiClientWithSecret>>(count, throttleLimit, i => token => new RowRunner<ApiClientRequest, ApiClientWithSecret>(new ApiClientSpec(client), false).RunAsync(merchants[i], i, faulted, token));
        var orphans = await OrphansAsync(emulator);
        var failedGrants = emulator.Faults.All[0].Applied;
        Console.WriteLine($"  with 1% of the grants failing: {faultedTime.TotalSeconds:0.00} s; {failedGrants} grants failed, {underFaults.Failures} rows failed (each a rollback), orphan clients: {orphans} (target 0) {Harness.Verdict(orphans == 0 && underFaults.Failures == failedGrants)}");
    }

    // A client without a grant, as the emulator's admin list counts them.
    private static async Task<int> OrphansAsync(DinteroEmulator emulator)
    {
        using var http = new HttpClient();
        var clients = await http.GetFromJsonAsync<List<JsonElement>>(new Uri(emulator.RootUri, "_emulator/api-clients"));
        return clients!.Count(each => !each.GetProperty("configured").GetBoolean() && each.GetProperty("grants").GetInt32() == 0);
    }
}
