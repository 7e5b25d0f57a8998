using Dintero.Connections.Auth;
using Dintero.Connections.Http;
using Dintero.Connections.Logging;
using Dintero.Emulator;

namespace Dintero.Connections.Engine.Tests.Support;

/// <summary>
/// One emulator on a free loopback port and a client pointed at it, logging at Debug into a transcript that is
/// scanned for leaks when the test ends.
/// </summary>
public sealed class TestEnvironment : IAsyncDisposable
{
    private readonly List<DinteroApi> clients = new();

    private TestEnvironment(EmulatorHandle emulator, ManualClock? clock)
    {
        Emulator = emulator;
        Clock = clock;
    }

    public EmulatorHandle Emulator { get; }

    internal ManualClock? Clock { get; }

    public Transcript Transcript { get; } = new();

    public EmulatorHandle.RequestControls Requests => Emulator.Requests;

    /// <summary>Starts an emulator; with <paramref name="manualClock"/>, client and emulator share a clock the test moves.</summary>
    public static async Task<TestEnvironment> StartAsync(bool manualClock = false, Action<EmulatorOptions>? configure = null)
    {
        var clock = manualClock ? new ManualClock() : null;
        var options = new EmulatorOptions();
        options.Clients[TestData.ClientId] = new ConfiguredClient(TestData.ClientSecret, TestData.AccountId);
        options.Clients[TestData.PartnerClientId] = new ConfiguredClient(TestData.PartnerClientSecret, TestData.PartnerId);
        options.AccountsWithOrganizationNumber.Add(TestData.Merchant);
        if (clock != null) options.ManualClockStart = clock.UtcNow;
        configure?.Invoke(options);
        var emulator = await EmulatorHandle.StartAsync(options);
        if (clock != null) clock.Moved = emulator.AdvanceClock;
        return new TestEnvironment(emulator, clock);
    }

    /// <summary>A client pointed at no server, for what needs a client but sends nothing (a spec's columns and words).</summary>
    public static DinteroApi Unconnected() => new(new DinteroApiOptions
    {
        BaseUri = new Uri("http://127.0.0.1:9/v1/"),
        Credential = new DinteroCredential(TestData.ClientId, TestData.ClientSecret),
        AccountId = TestData.AccountId,
    });

    /// <summary>A client of the merchant account <see cref="TestData.AccountId"/>, connected to it as Connect-Dintero connects.</summary>
    public DinteroApi Api(Action<DinteroApiOptions>? configure = null, string secret = TestData.ClientSecret, TokenCache? cache = null) =>
        NewApi(TestData.ClientId, secret, TestData.AccountId, configure, cache);

    /// <summary>A client of the partner <see cref="TestData.PartnerId"/>: it reaches the partner's merchants through the token exchange.</summary>
    public DinteroApi PartnerApi(Action<DinteroApiOptions>? configure = null, string secret = TestData.PartnerClientSecret, TokenCache? cache = null) =>
        NewApi(TestData.PartnerClientId, secret, TestData.PartnerId, configure, cache);

    private DinteroApi NewApi(string clientId, string secret, string accountId, Action<DinteroApiOptions>? configure, TokenCache? cache)
    {
        var options = new DinteroApiOptions
        {
            BaseUri = Emulator.BaseUri,
            CheckoutBaseUri = Emulator.CheckoutBaseUri,
            Credential = new DinteroCredential(clientId, secret),
            AccountId = accountId,
            Log = Transcript,
            TokenCache = cache,
            RequestTimeout = TimeSpan.FromSeconds(10),
            Retry = new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50) },
        };
        configure?.Invoke(options);
        var client = Clock != null ? new DinteroApi(options, primaryHandler: null, Clock) : new DinteroApi(options);
        clients.Add(client);
        return client;
    }

    /// <summary>Runs a call that must fail, records its exception in the transcript, and returns it.</summary>
    public async Task<T> FailsWith<T>(Func<Task> call) where T : Exception
    {
        var exception = await Assert.ThrowsAsync<T>(call);
        Transcript.Exception(exception);
        return exception;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients) client.Dispose();
        var tokens = Emulator.Tokens.Issued;
        await Emulator.DisposeAsync();
        Transcript.AssertClean(Transcript.Lines, TestData.Secrets.Concat(tokens));
    }
}
