using Dintero.Emulator.Auth;
using Dintero.Emulator.Endpoints;
using Dintero.Emulator.Faults;
using Dintero.Emulator.State;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Dintero.Emulator;

/// <summary>A running emulator: start it, point a client at <see cref="BaseUri"/>, script faults, read the log.</summary>
public sealed class DinteroEmulator : IAsyncDisposable
{
    private readonly WebApplication app;

    private DinteroEmulator(WebApplication app, EmulatorOptions options, Uri root)
    {
        this.app = app;
        Options = options;
        RootUri = root;
        BaseUri = new Uri(root, "v1");
        CheckoutBaseUri = new Uri(root, EmulatorOptions.CheckoutPath);
    }

    public EmulatorOptions Options { get; }

    /// <summary><c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri RootUri { get; }

    /// <summary>The API root, <c>http://127.0.0.1:{port}/v1</c>: what a client takes as its base URI.</summary>
    public Uri BaseUri { get; }

    /// <summary>The checkout API's root, <c>http://127.0.0.1:{port}/checkout/v1</c>: a base of its own, as checkout.dintero.com/v1 is Dintero's.</summary>
    public Uri CheckoutBaseUri { get; }

    /// <summary>Where webhook deliveries to <c>/_emulator/receiver/...</c> are kept.</summary>
    public Hooks.WebhookReceiver Receiver => app.Services.GetRequiredService<Hooks.WebhookReceiver>();

    public FaultInjector Faults => app.Services.GetRequiredService<FaultInjector>();

    public RequestLog Requests => app.Services.GetRequiredService<RequestLog>();

    public AccountStore Accounts => app.Services.GetRequiredService<AccountStore>();

    public TokenIssuer Tokens => app.Services.GetRequiredService<TokenIssuer>();

    /// <summary>The approval cases (payment and seller approvals).</summary>
    public ApprovalDesk Approvals => app.Services.GetRequiredService<ApprovalDesk>();

    public static async Task<DinteroEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddSingleton<AccountStore>();
        builder.Services.AddSingleton<FaultInjector>();
        builder.Services.AddSingleton(new RequestLog(options.RequestLogLimit));
        builder.Services.AddSingleton<Hooks.HookDispatcher>();
        builder.Services.AddSingleton<Hooks.WebhookReceiver>();
        builder.Services.AddSingleton<Hooks.ApprovalEvents>();
        builder.Services.AddSingleton<ApprovalDesk>();
        builder.Services.AddHostedService<ApprovalTicker>();

        var app = builder.Build();
        // Every answer's Date is the emulator's own clock, as a server's is its own: the client reads Dintero's time off it.
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.Date = options.Clock.GetUtcNow().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseMiddleware<FaultMiddleware>();
        var api = app.MapGroup("/v1");
        TokenEndpoint.Map(api);
        ConnectionEndpoints.Map(api);
        SettingsEndpoints.Map(api);
        PartnerEndpoints.Map(api);
        ApiClientEndpoints.Map(api);
        HookEndpoints.Map(api);
        ApprovalEndpoints.Map(api);
        CheckoutEndpoints.Map(app.MapGroup("/" + EmulatorOptions.CheckoutPath));
        AdminEndpoints.Map(app);

        var store = app.Services.GetRequiredService<AccountStore>();
        foreach (var account in options.AccountsWithOrganizationNumber) store.SetOrganizationNumber(account, "987654321");

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DinteroEmulator(app, options, new Uri(address.TrimEnd('/') + "/"));
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
