using Dintero.Connections.Approvals;
using Dintero.Connections.Auth;
using Dintero.Connections.Http;
using Dintero.Connections.Models;
using Dintero.Connections.Readiness;
using Dintero.Connections.Rows;
using Dintero.Emulator;
using Dintero.Emulator.Faults;

namespace Dintero.Connections.Benchmarks;

/// <summary>
/// A partner's 1,000 merchants applying for payments, with Dintero-like latency on every call, as
/// New-DinteroPaymentApproval -ThrottleLimit 8 runs it connected as the partner, then the readiness report over them:
/// <list type="number">
/// <item>payment approvals: per merchant its token chain (exchange, token), the read of its cases (an open one is a skip)
/// and the POST, so the floor is 4 x count x latency / 8; run again, every merchant is skipped: the chain is cached, so
/// the floor is the read alone, 1 x count x latency / 8;</item>
/// <item>the readiness report with the approvals ACTIVE: five reads a merchant (settings, payment approvals, clients,
/// grants, the default profile), the chain cached by the run before: floor 5 x count x latency / 8;</item>
/// <item>-Force over as many other merchants, new to the session: nothing is skipped, but the cases are still read before
/// the POST (a lost answer is never proved by a case that was there before), so the exchange, the token, the read and
/// the POST, floor 4 x count x latency / 8.</item>
/// </list>
/// Dintero lists a merchant's cases only on the merchant's own account (no partner-wide list, unlike the connections), so
/// the read is the fourth call of each run; 3 calls would be the floor of a run that could neither skip nor settle a lost answer.
/// </summary>
public static class ApprovalsBench
{
    private const string PartnerId = "T11200000";
    private const string ClientId = "bench-partner";
    private const string ClientSecret = "bench-partner-secret";
    private const string Payments = "/v1/accounts/*/management/settings/approvals/payments";

    public static async Task RunAsync(int count, int latencyMilliseconds, int throttleLimit)
    {
        var options = new EmulatorOptions();
        options.Clients[ClientId] = new ConfiguredClient(ClientSecret, PartnerId);
        var merchants = options.AddPartner(PartnerId, 2 * count);
        await using var emulator = await DinteroEmulator.StartAsync(options);
        foreach (var (method, path) in new[]
        {
            ("POST", "/v1/accounts/*/auth/token"), ("POST", "/v1/accounts/*/auth/exchange_token"), ("GET", "/v1/accounts/*/management/settings"),
            ("GET", Payments), ("POST", Payments), ("GET", "/v1/accounts/*/auth/clients"), ("GET", "/v1/accounts/*/auth/client-grants"),
            ("GET", "/checkout/v1/admin/session/profiles/*"),
        })
        {
            emulator.Faults.Add(new Fault { Method = method, Path = path, DelayMilliseconds = latencyMilliseconds, Times = -1 });
        }
        using var api = new DinteroApi(new DinteroApiOptions { BaseUri = emulator.BaseUri, CheckoutBaseUri = emulator.CheckoutBaseUri, Credential = new DinteroCredential(ClientId, ClientSecret), AccountId = PartnerId });
        await api.AuthenticateAsync(PartnerId);
        var latency = TimeSpan.FromMilliseconds(latencyMilliseconds);
        Console.WriteLine($"Approvals: partner {PartnerId}, {count:N0} merchants, {latencyMilliseconds} ms of latency on every call, -ThrottleLimit {throttleLimit}");

        // EMULATOR-ONLY: the emulator's own test value approves the case at once (Dintero documents none for payment approvals).
        var approval = ApprovalChecks.Check(new PaymentApprovalSignup
        {
            products = new() { new ApprovalProduct { product = "checkout" } },
            payment_methods = new() { new ApprovalPaymentMethod { payment_method = "creditcard" } },
            country_code = "NO",
            organization_number = "912345678",
            bank_accounts = new() { new ApprovalBankAccount { bank_account_currency = "NOK", payout_currency = "NOK", bank_account_number = new DinteroSecret("86011117947") } },
            form_submitter = new FormSubmitter { title = "AUTO_APPROVE" },
        });
        emulator.Requests.Clear();
        var run = new RowRunner<CheckedApproval<PaymentApprovalSignup>, PaymentApproval>(new PaymentApprovalSpec(api), force: false);
        var (made, madeTime) = FloorRun.Run<RowResult<PaymentApproval>>(count, throttleLimit, i => token => run.RunAsync(merchants[i], i, approval, token));
        var posts = emulator.Requests.Entries.Count(entry => entry.Method == "POST" && entry.Path.EndsWith("/approvals/payments", StringComparison.Ordinal));
        FloorRun.Print("New-DinteroPaymentApproval (exchange, token, the cases read, the POST)", madeTime, latency * 4 * count / throttleLimit, made);
        Console.WriteLine($"    POSTs: {posts:N0} for {count:N0} merchants (target {count:N0}) {Harness.Verdict(posts == count)}");

        var again = new RowRunner<CheckedApproval<PaymentApprovalSignup>, PaymentApproval>(new PaymentApprovalSpec(api), force: false);
        emulator.Requests.Clear();
        var (skipped, skippedTime) = FloorRun.Run<RowResult<PaymentApproval>>(count, throttleLimit, i => token => again.RunAsync(merchants[i], i, approval, token));
        var postsAgain = emulator.Requests.Entries.Count(entry => entry.Method == "POST" && entry.Path.EndsWith("/approvals/payments", StringComparison.Ordinal));
        FloorRun.Print("the same run again (the cases read, every row skipped)", skippedTime, latency * 1 * count / throttleLimit, skipped);
        Console.WriteLine($"    POSTs: {postsAgain:N0} (target 0) {Harness.Verdict(postsAgain == 0)}");

        var check = new ReadinessCheck(api);
        var (readiness, readinessTime) = FloorRun.Run<ReadinessOutcome>(count, throttleLimit, i => token => check.CheckAsync(merchants[i], token));
        FloorRun.Print($"readiness report with approvals ({ReadinessCheck.Reads} reads each, the chain cached)", readinessTime, latency * ReadinessCheck.Reads * count / throttleLimit, readiness);

        var forced = new RowRunner<CheckedApproval<PaymentApprovalSignup>, PaymentApproval>(new PaymentApprovalSpec(api), force: true);
        emulator.Requests.Clear();
        var (sent, sentTime) = FloorRun.Run<RowResult<PaymentApproval>>(count, throttleLimit, i => token => forced.RunAsync(merchants[count + i], i, approval, token));
        var forcedPosts = emulator.Requests.Entries.Count(entry => entry.Method == "POST" && entry.Path.EndsWith("/approvals/payments", StringComparison.Ordinal));
        FloorRun.Print("-Force on as many new merchants (exchange, token, the cases read, the POST)", sentTime, latency * 4 * count / throttleLimit, sent);
        Console.WriteLine($"    POSTs: {forcedPosts:N0} for {count:N0} merchants (target {count:N0}) {Harness.Verdict(forcedPosts == count)}");
    }
}
