using System.Globalization;
using Dintero.Emulator;

// Standalone, as Usage says.
const string Usage = "dotnet run --project tests/Dintero.Emulator -- [--port 5080] [--client-id ID --client-secret SECRET [--client-account AID]] [--partner-merchants N] [--merchants-have-organization-numbers] [--latency MS] [--token-lifetime SECONDS] [--enable-after SECONDS] [--approval-step SECONDS] [--exchanged-tokens-without-checkout] [--request-log-limit N] [--exit-with PID] | --host [--port N] [--exit-with PID]";
int? exitWith = null;
var hostMode = false;
var portGiven = false;
var organizationNumbers = false;
var options = new EmulatorOptions { Port = 5080 };
string? clientId = null;
string? clientSecret = null;
string? clientAccount = null;
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    switch (args[i])
    {
        case "--port": options.Port = int.Parse(Next(), CultureInfo.InvariantCulture); portGiven = true; break;
        case "--client-id": clientId = Next(); break;
        case "--client-secret": clientSecret = Next(); break;
        case "--client-account": clientAccount = Next(); break;
        case "--partner-merchants": options.AddPartner(EmulatorOptions.DemoPartnerId, int.Parse(Next(), CultureInfo.InvariantCulture)); break;
        // The demo partner's merchants can take a signup at once (Dintero wants the company's organization number first).
        case "--merchants-have-organization-numbers": organizationNumbers = true; break;
        case "--latency": options.Latency = TimeSpan.FromMilliseconds(int.Parse(Next(), CultureInfo.InvariantCulture)); break;
        case "--token-lifetime": options.TokenLifetime = TimeSpan.FromSeconds(int.Parse(Next(), CultureInfo.InvariantCulture)); break;
        case "--enable-after": options.EnableAfter = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
        // Approval cases walk WAITING_FOR_DECLARATION, WAITING_FOR_SIGNATURE, AUTOMATIC_REVIEW, ACTIVE, a step this often.
        case "--approval-step": options.ApprovalStepAfter = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
        case "--exchanged-tokens-without-checkout": options.ExchangedTokensWithoutCheckout = true; break;
        // Keep only the last N requests in /_emulator/requests (a long benchmark run); every request when not given.
        case "--request-log-limit": options.RequestLogLimit = int.Parse(Next(), CultureInfo.InvariantCulture) is >= 0 and var limit ? limit : throw new ArgumentException("--request-log-limit takes 0 or more."); break;
        case "--exit-with": exitWith = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        // Emulators on demand for tests outside .NET (see Hosting/EmulatorHost).
        case "--host": hostMode = true; break;
        case "--help":
        case "-h":
            Console.WriteLine(Usage);
            return 0;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'; see --help.");
            return 2;
    }
}
if (clientId != null && clientSecret != null) options.Clients[clientId] = new ConfiguredClient(clientSecret, clientAccount ?? EmulatorOptions.DemoAccountId);
if (organizationNumbers) options.AccountsWithOrganizationNumber.AddRange(options.Partners[EmulatorOptions.DemoPartnerId]);

if (hostMode)
{
    await using var host = await Dintero.Emulator.Hosting.EmulatorHost.StartAsync(portGiven ? options.Port : 0);
    // The first line is read by the test that started it: the address to ask for emulators.
    Console.WriteLine($"Dintero emulator host listening on {host.RootUri}");
    await (exitWith is { } owner ? Task.WhenAny(host.WaitForShutdownAsync(), ExitOf(owner)) : host.WaitForShutdownAsync());
    return 0;
}

await using var emulator = await DinteroEmulator.StartAsync(options);
Console.WriteLine($"Dintero emulator listening on {emulator.BaseUri}");
Console.WriteLine($"  checkout API at {emulator.CheckoutBaseUri}; webhook receiver at {emulator.RootUri}_emulator/receiver/");
foreach (var (id, client) in options.Clients)
{
    // This is a local test double: printing its demo credentials is the point.
    Console.WriteLine($"  client {id}, secret {client.Secret}, of account {client.AccountId}{(options.Partners.ContainsKey(client.AccountId) ? " (a partner)" : string.Empty)}");
}
foreach (var (partner, merchants) in options.Partners)
{
    Console.WriteLine($"  partner {partner}: {merchants.Count} merchants, {merchants[0]} to {merchants[^1]}");
}
// A partner's whole book (--partner-merchants 100000 --merchants-have-organization-numbers) would make this one line a
// megabyte, which a script reading only the first line would leave unread: a long list is shortened.
var withNumbers = options.AccountsWithOrganizationNumber;
Console.WriteLine(withNumbers.Count <= 10
    ? $"  account with an organization number: {string.Join(", ", withNumbers)}"
    : $"  account with an organization number: {string.Join(", ", withNumbers.Take(4))}, ... {withNumbers[^1]} ({withNumbers.Count} accounts)");
Console.WriteLine("Press Ctrl+C to stop.");
if (exitWith is { } parent)
{
    // Started by a script (build.ps1 -Task Try): the emulator never outlives it, even when the script is killed
    // before its own cleanup runs.
    await Task.WhenAny(emulator.WaitForShutdownAsync(), ExitOf(parent));
}
else
{
    await emulator.WaitForShutdownAsync();
}
return 0;

static async Task ExitOf(int processId)
{
    try
    {
        using var process = System.Diagnostics.Process.GetProcessById(processId);
        await process.WaitForExitAsync();
    }
    catch (ArgumentException)
    {
        // Already gone.
    }
}
