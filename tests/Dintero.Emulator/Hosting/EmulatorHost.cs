using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Dintero.Emulator.Hosting;

/// <summary>
/// Emulators on demand, for tests that cannot run one in their own process: the engine's tests on .NET Framework (Mono),
/// whose runtime has no ASP.NET Core. One host process serves a whole test run; each test asks it for a fresh emulator
/// with the options it wants (<c>POST /_host/emulators</c>, the options as JSON), drives it over its own
/// <c>/_emulator</c> controls, and stops it (<c>DELETE /_host/emulators/{port}</c>). Started with <c>--host</c>.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    /// <summary>How options travel: web defaults (camelCase, any case read), as the test side writes them.</summary>
    public static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web);

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<int, DinteroEmulator> running = new();

    private EmulatorHost(WebApplication app, Uri root)
    {
        this.app = app;
        RootUri = root;
    }

    public Uri RootUri { get; }

    public static async Task<EmulatorHost> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        EmulatorHost? host = null;
        app.MapPost("/_host/emulators", async (HttpRequest request) =>
        {
            var options = await JsonSerializer.DeserializeAsync<EmulatorOptions>(request.Body, Wire) ?? new EmulatorOptions();
            options.Port = 0;
            var emulator = await DinteroEmulator.StartAsync(options);
            host!.running[emulator.RootUri.Port] = emulator;
            return Results.Json(new { rootUri = emulator.RootUri, baseUri = emulator.BaseUri });
        });
        app.MapDelete("/_host/emulators/{port:int}", async (int port) =>
        {
            if (!host!.running.TryRemove(port, out var emulator)) return Results.NotFound();
            await emulator.DisposeAsync();
            return Results.NoContent();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host = new EmulatorHost(app, new Uri(address.TrimEnd('/') + "/"));
        return host;
    }

    public Task WaitForShutdownAsync() => app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var emulator in running.Values) await emulator.DisposeAsync();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
