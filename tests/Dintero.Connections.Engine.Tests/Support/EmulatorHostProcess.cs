#if NETFRAMEWORK
using System.Diagnostics;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dintero.Emulator;

namespace Dintero.Connections.Engine.Tests.Support;

/// <summary>
/// The emulator host (tests/Dintero.Emulator, <c>--host</c>) these tests talk to on .NET Framework: one .NET process for
/// the whole run, started on first use with <c>dotnet</c> and stopped with this process (<c>--exit-with</c>); each test
/// asks it for an emulator of its own.
/// </summary>
internal static class EmulatorHostProcess
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private static readonly Lazy<Uri> Host = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Where the build put the emulator (tests/Dintero.Emulator's output), as this project's build recorded it.</summary>
    private static string EmulatorAssembly =>
        typeof(EmulatorHostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "EmulatorAssembly").Value!;

    public static async Task<(Uri Root, Uri Base)> StartEmulatorAsync(EmulatorOptions options)
    {
        var body = new StringContent(JsonSerializer.Serialize(options, EmulatorHandle.Wire), Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(new Uri(Host.Value, "_host/emulators"), body).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"The emulator host could not start an emulator: {(int)response.StatusCode} {text}");
        var started = JsonNode.Parse(text)!;
        return (new Uri((string)started["rootUri"]!), new Uri((string)started["baseUri"]!));
    }

    public static async Task StopEmulatorAsync(Uri root)
    {
        using var response = await Http.DeleteAsync(new Uri(Host.Value, $"_host/emulators/{root.Port}")).ConfigureAwait(false);
    }

    private static Uri Start()
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet, $"\"{EmulatorAssembly}\" --host --exit-with {Process.GetCurrentProcess().Id}")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("The emulator host did not start.");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                if (!process.HasExited) process.Kill();
            }
            catch (InvalidOperationException)
            {
                // Gone already.
            }
        };
        var first = process.StandardOutput.ReadLine();
        const string Prefix = "Dintero emulator host listening on ";
        if (first == null || !first.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The emulator host ({dotnet} {EmulatorAssembly}) said '{first}': {process.StandardError.ReadToEnd()}");
        }
        // Its further output is not read; drain it so it never blocks on a full pipe.
        process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        process.StandardError.BaseStream.CopyToAsync(Stream.Null);
        return new Uri(first.Substring(Prefix.Length));
    }
}
#endif
