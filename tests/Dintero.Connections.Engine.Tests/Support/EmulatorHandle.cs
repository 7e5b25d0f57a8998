using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dintero.Emulator;
using Dintero.Emulator.Faults;

namespace Dintero.Connections.Engine.Tests.Support;

/// <summary>
/// A running emulator as a test drives it: its addresses, the options it was started with, and its controls, reached
/// over its own <c>/_emulator</c> endpoints as any tool outside it would. On .NET the emulator runs in this process; on
/// .NET Framework (Mono), which has no ASP.NET Core, in an emulator host process on .NET (<see cref="EmulatorHostProcess"/>).
/// Either way the tests see the same emulator through the same controls.
/// </summary>
public sealed class EmulatorHandle : IAsyncDisposable
{
    /// <summary>How options and controls travel: web defaults (camelCase, any case read), as the emulator reads and writes them.</summary>
    internal static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web);

    private static readonly HttpClient Admin = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Func<Task> stop;

    private EmulatorHandle(Uri root, Uri baseUri, EmulatorOptions options, Func<Task> stop)
    {
        RootUri = root;
        BaseUri = baseUri;
        CheckoutBaseUri = new Uri(root, EmulatorOptions.CheckoutPath);
        Options = options;
        this.stop = stop;
        Faults = new FaultControls(this);
        Requests = new RequestControls(this);
        Tokens = new TokenControls(this);
    }

    /// <summary><c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri RootUri { get; }

    /// <summary>The API root, <c>http://127.0.0.1:{port}/v1</c>: what a client takes as its base URI.</summary>
    public Uri BaseUri { get; }

    /// <summary>The checkout API's root, <c>http://127.0.0.1:{port}/checkout/v1</c>, as checkout.dintero.com/v1 is Dintero's.</summary>
    public Uri CheckoutBaseUri { get; }

    /// <summary>The options it was started with.</summary>
    public EmulatorOptions Options { get; }

    public FaultControls Faults { get; }

    public RequestControls Requests { get; }

    public TokenControls Tokens { get; }

    public static async Task<EmulatorHandle> StartAsync(EmulatorOptions options)
    {
#if NETFRAMEWORK
        var (root, baseUri) = await EmulatorHostProcess.StartEmulatorAsync(options);
        return new EmulatorHandle(root, baseUri, options, () => EmulatorHostProcess.StopEmulatorAsync(root));
#else
        var emulator = await DinteroEmulator.StartAsync(options);
        return new EmulatorHandle(emulator.RootUri, emulator.BaseUri, options, () => emulator.DisposeAsync().AsTask());
#endif
    }

    /// <summary>Moves a connection as Dintero would once the merchant signs (enabled) or the provider refuses; the connection as stored.</summary>
    public JsonObject MoveConnection(string accountId, string kind, string status, string? @event = null, string? description = null) =>
        (JsonObject)JsonNode.Parse(Send(HttpMethod.Post, $"accounts/{accountId}/connections/{kind}/status", new { status, @event, description }))!;

    /// <summary>Sets an approval case's status (payment or seller, by its id) as Dintero's reviewers would; the case as it is now.</summary>
    public JsonObject SetApprovalStatus(string accountId, string approvalId, string status) =>
        (JsonObject)JsonNode.Parse(Send(HttpMethod.Post, $"accounts/{accountId}/approvals/{approvalId}/status", new { status }))!;

    /// <summary>The connection as the emulator stores it, credentials included.</summary>
    public JsonObject StoredConnection(string accountId, string kind) =>
        (JsonObject)JsonNode.Parse(Send(HttpMethod.Get, $"accounts/{accountId}/connections/{kind}"))!;

    /// <summary>Fields of the account's company as Dintero holds them, set outside the API (Backoffice), whatever they hold.</summary>
    public void SetCompany(string accountId, object fields) => Send(HttpMethod.Post, $"accounts/{accountId}/company", fields);

    /// <summary>The account's company as the emulator holds it.</summary>
    public JsonObject StoredCompany(string accountId) => (JsonObject)JsonNode.Parse(Send(HttpMethod.Post, $"accounts/{accountId}/company", new { }))!;

    /// <summary>An API client of the account made outside the API (as in Backoffice).</summary>
    public void AddApiClient(string accountId, string clientId, string name) =>
        Send(HttpMethod.Post, $"accounts/{accountId}/clients", new Dictionary<string, string> { ["client_id"] = clientId, ["name"] = name });

    /// <summary>Moves the emulator's manual clock (<see cref="EmulatorOptions.ManualClockStart"/>).</summary>
    /// <summary>The webhook deliveries the emulator's receiver (<c>/_emulator/receiver/...</c>) got: path, event, eventSignature, body.</summary>
    public IReadOnlyList<JsonObject> Received() =>
        JsonNode.Parse(Send(HttpMethod.Get, "receiver"))!.AsArray().Select(node => node!.AsObject()).ToList();

    public void AdvanceClock(TimeSpan by) => Send(HttpMethod.Post, "clock/advance", new { milliseconds = by.TotalMilliseconds });

    /// <summary>Sends one control request to <c>/_emulator/{path}</c> and returns the answer's text; a refusal fails the test.</summary>
    internal string Send(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(RootUri, "_emulator/" + path));
        if (body != null) request.Content = new StringContent(JsonSerializer.Serialize(body, Wire), Encoding.UTF8, "application/json");
        using var response = Admin.SendAsync(request).GetAwaiter().GetResult();
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"The emulator refused {method} /_emulator/{path}: {(int)response.StatusCode} {text}");
        return text;
    }

    public async ValueTask DisposeAsync() => await stop().ConfigureAwait(false);

    /// <summary>Scripted misbehaviour (<c>/_emulator/faults</c>).</summary>
    public sealed class FaultControls
    {
        private readonly EmulatorHandle emulator;

        internal FaultControls(EmulatorHandle emulator) => this.emulator = emulator;

        public void Add(Fault fault) => emulator.Send(HttpMethod.Post, "faults", fault);

        /// <summary>The faults added so far, with how often each was applied.</summary>
        public IReadOnlyList<Fault> All => JsonSerializer.Deserialize<List<Fault>>(emulator.Send(HttpMethod.Get, "faults"), Wire)!;
    }

    /// <summary>Every request the emulator received, in order (<c>/_emulator/requests</c>).</summary>
    public sealed class RequestControls
    {
        private readonly EmulatorHandle emulator;

        internal RequestControls(EmulatorHandle emulator) => this.emulator = emulator;

        public IReadOnlyList<LoggedRequest> Entries => JsonSerializer.Deserialize<List<LoggedRequest>>(emulator.Send(HttpMethod.Get, "requests"), Wire)!;

        public int TokenRequests => Entries.Count(entry => entry.Path.EndsWith("/auth/token", StringComparison.Ordinal));

        public int Count(string method, string pathSuffix) => Entries.Count(entry => Matches(entry, method, pathSuffix));

        public void Clear() => emulator.Send(HttpMethod.Delete, "requests");

        /// <summary>
        /// Completes when a matching request has arrived (or already had), so a test can act at the moment a call is in
        /// flight instead of guessing how long the client takes to get there.
        /// </summary>
        public async Task<LoggedRequest> WaitForAsync(string method, string pathSuffix, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                var arrived = await Task.Run(() => Entries.FirstOrDefault(entry => Matches(entry, method, pathSuffix))).ConfigureAwait(false);
                if (arrived != null) return arrived;
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"No {method} ...{pathSuffix} reached the emulator within {timeout}.");
                await Task.Delay(10).ConfigureAwait(false);
            }
        }

        private static bool Matches(LoggedRequest entry, string method, string pathSuffix) =>
            entry.Method == method && entry.Path.EndsWith(pathSuffix, StringComparison.Ordinal);
    }

    /// <summary>The emulator's tokens: every one issued (for the leak scans), and revoking them.</summary>
    public sealed class TokenControls
    {
        private readonly EmulatorHandle emulator;

        internal TokenControls(EmulatorHandle emulator) => this.emulator = emulator;

        public IReadOnlyCollection<string> Issued => JsonSerializer.Deserialize<List<string>>(emulator.Send(HttpMethod.Get, "tokens"), Wire)!;

        /// <summary>Every token issued so far is refused from now on (401).</summary>
        public void RevokeAll() => emulator.Send(HttpMethod.Post, "revoke-tokens");

        /// <summary>The client is deleted at Dintero: its credentials are refused from now on, and its tokens revoked.</summary>
        public void RevokeClient(string clientId) => emulator.Send(HttpMethod.Post, $"clients/{clientId}/revoke");
    }
}
