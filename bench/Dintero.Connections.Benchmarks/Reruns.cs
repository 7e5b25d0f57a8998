using System.Diagnostics;
using Dintero.Connections.Auth;
using Dintero.Connections.Binding;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Http;
using Dintero.Connections.Kinds;
using Dintero.Connections.Models;
using Dintero.Connections.Rows;
using Dintero.Connections.Signups;
using Dintero.Connections.Validation;
using Dintero.Emulator;

namespace Dintero.Connections.Benchmarks;

/// <summary>
/// What safe re-runs cost on a partner's sheet of 1,000 merchants at 40 ms of latency, -ThrottleLimit 8, as
/// New-DinteroCommonConnection runs it: the plain POSTs of before (no check), the chosen design (one paged read of the
/// partner's merchants that have the kind pending or enabled), and the other (one settings read per merchant before its
/// POST); then the same sheet run again, every row skipped.
/// </summary>
public static class Reruns
{
    private const string PartnerId = "T11200000";
    private const string ClientId = "bench-partner";
    private const string ClientSecret = "bench-partner-secret";

    private enum Check { None, PartnerList, PerAccount }

    public static async Task RunAsync(int count, int latencyMilliseconds, int throttleLimit)
    {
        Console.WriteLine($"Safe re-runs: partner {PartnerId}, {count:N0} merchants, {latencyMilliseconds} ms on every call, -ThrottleLimit {throttleLimit}");
        var floor = TimeSpan.FromMilliseconds(3.0 * count * latencyMilliseconds / throttleLimit);
        var plain = await PassesAsync(count, latencyMilliseconds, throttleLimit, Check.None, rerun: false);
        Report("first run, no check (before)", plain.First, floor, count);
        var listed = await PassesAsync(count, latencyMilliseconds, throttleLimit, Check.PartnerList, rerun: true);
        Report("first run, one list read (chosen)", listed.First, floor, count);
        var perAccount = await PassesAsync(count, latencyMilliseconds, throttleLimit, Check.PerAccount, rerun: true);
        Report("first run, a settings read each", perAccount.First, floor, count);
        Report("run again, list read: all skipped", listed.Again!, floor, count);
        Report("run again, settings reads: skipped", perAccount.Again!, floor, count);
    }

    private sealed record Pass(TimeSpan Elapsed, int Requests, int Created, int Skipped, int Failed);

    private static void Report(string what, Pass pass, TimeSpan floor, int count) =>
        Console.WriteLine($"  {what,-38} {pass.Elapsed.TotalSeconds,6:0.00} s ({pass.Elapsed / floor:0.00}x the 3-request floor of {floor.TotalSeconds:0.0} s), {pass.Requests:N0} requests ({(double)pass.Requests / count:0.00} per merchant), created {pass.Created}, skipped {pass.Skipped}, failed {pass.Failed}");

    private static async Task<(Pass First, Pass? Again)> PassesAsync(int count, int latency, int throttle, Check check, bool rerun)
    {
        var options = new EmulatorOptions { Latency = TimeSpan.FromMilliseconds(latency) };
        options.Clients[ClientId] = new ConfiguredClient(ClientSecret, PartnerId);
        var merchants = options.AddPartner(PartnerId, count);
        options.AccountsWithOrganizationNumber.AddRange(merchants);
        await using var emulator = await DinteroEmulator.StartAsync(options);
        using var client = new DinteroApi(new DinteroApiOptions { BaseUri = emulator.BaseUri, Credential = new DinteroCredential(ClientId, ClientSecret), AccountId = PartnerId });
        await client.AuthenticateAsync(PartnerId);
        var signups = Enumerable.Range(0, count).Select(i =>
        {
            var bound = InputBinder.BindInput<CommonConnectionSignup>(Samples.Row(i, merchants[i]), "The Common signup", SignupValidator.Root, Samples.ParameterKeys);
            return ((string)bound.ParameterValues["AccountId"]!, ConnectionKinds.Common.Check(bound.Model));
        }).ToList();

        async Task<Pass> OnceAsync()
        {
            var before = emulator.Requests.Entries.Count;
            var run = check == Check.PartnerList ? new RowRunner<SignupAsk<CommonConnection>, CommonConnection>(new SignupSpec<CommonConnection>(client, ConnectionKinds.Common), force: false) : null;
            var perAccount = check == Check.PerAccount ? new PerAccountCheck(client) : null;
            var outcomes = new Tally();
            var watch = Stopwatch.StartNew();
            await PipelineThread.Run(() =>
            {
                var work = new BatchRunner<int, RowOutcome>(throttle, outcomes, CancellationToken.None);
                for (var i = 0; i < count; i++)
                {
                    var (accountId, signup) = signups[i];
                    var row = i;
                    work.Add(async token =>
                    {
                        if (run != null) return (await run.RunAsync(accountId, row, new SignupAsk<CommonConnection>(signup.Signup, t => client.CreateConnectionAsync(signup, accountId, t)), token)).Outcome;
                        if (perAccount != null && await perAccount.BlocksAsync(accountId, token)) return RowOutcome.Skipped;
                        await client.CreateConnectionAsync(signup, accountId, token);
                        return RowOutcome.Created;
                    }, i);
                }
                work.Drain();
            });
            watch.Stop();
            return new Pass(watch.Elapsed, emulator.Requests.Entries.Count - before, outcomes.Created, outcomes.Skipped, outcomes.Failed);
        }

        var first = await OnceAsync();
        var again = rerun ? await OnceAsync() : null;
        return (first, again);
    }

    /// <summary>
    /// The design not chosen, kept here to be measured against the chosen one: before each POST, a read of the account's
    /// own settings (one more request per merchant, with its exchange and token), where the chosen design reads the
    /// partner's list of merchants with the kind pending or enabled once per run.
    /// </summary>
    private sealed class PerAccountCheck
    {
        private readonly DinteroApi client;

        public PerAccountCheck(DinteroApi client) => this.client = client;

        public async Task<bool> BlocksAsync(string accountId, CancellationToken cancellationToken)
        {
            var settings = await client.GetAccountSettingsAsync(accountId, cancellationToken);
            return settings.connection_status != null && settings.connection_status.TryGetValue(ConnectionKinds.Common.Name, out var status)
                && status != null && KnownValues.BlockingStatuses.Contains(status);
        }
    }

    private sealed class Tally : IBatchOutput<int, RowOutcome>
    {
        public int Created { get; private set; }
        public int Skipped { get; private set; }
        public int Failed { get; private set; }

        public bool IsLogEnabled(Logging.DinteroLogLevel level) => false;
        public void WriteLog(Logging.DinteroLogEntry entry) { }
        public void WriteProgress(BatchProgress progress) { }

        public void WriteOutcome(BatchOutcome<int, RowOutcome> outcome)
        {
            if (outcome.Failure != null) Failed++;
            else if (outcome.Result == RowOutcome.Created) Created++;
            else Skipped++;
        }
    }
}
