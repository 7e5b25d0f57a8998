using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Dintero.Emulator.Network;

/// <summary>
/// A real forward proxy on 127.0.0.1 for the proxy tests: tinyproxy (Debian's package), started in the foreground with a
/// configuration of its own on a free port, optionally asking for Basic credentials, and stopped with the test. It adds
/// a <c>Via</c> header to what it forwards, which the emulator logs (<see cref="LoggedRequest.Via"/>): a request that
/// went around it shows none. <c>.ci/run</c> installs tinyproxy when it is missing; elsewhere set
/// <c>DINTERO_TEST_TINYPROXY</c> to its path if it is not on PATH. Written against what .NET Framework has too: the
/// engine's tests on Mono compile this file in.
/// </summary>
public sealed class ForwardProxy : IAsyncDisposable
{
    /// <summary>What tinyproxy's Via header names: <c>Via: 1.1 dintero-test-proxy (tinyproxy/1.11.1)</c>.</summary>
    public const string ViaName = "dintero-test-proxy";

    private readonly Process process;
    private readonly string directory;

    private ForwardProxy(Process process, string directory, Uri address, string? user, string? password)
    {
        this.process = process;
        this.directory = directory;
        Address = address;
        User = user;
        Password = password;
    }

    /// <summary><c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri Address { get; }

    /// <summary>The user name it asks for; null when it asks for none.</summary>
    public string? User { get; }

    public string? Password { get; }

    /// <summary>tinyproxy's path, or null when it is not installed.</summary>
    public static string? Executable =>
        new[] { Environment.GetEnvironmentVariable("DINTERO_TEST_TINYPROXY"), "/usr/bin/tinyproxy", "/usr/sbin/tinyproxy", "/usr/local/bin/tinyproxy" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Where(dir => dir.Length > 0).Select(dir => Path.Combine(dir, "tinyproxy")))
            .FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path));

    /// <summary>Why no proxy can be started here; null when one can.</summary>
    public static string? WhyUnavailable => Executable == null
        ? "tinyproxy is not installed (apt-get install tinyproxy; .ci/run installs it), nor named by DINTERO_TEST_TINYPROXY."
        : null;

    /// <summary>The lines of tinyproxy's log that record a request it received (a refused 407 one included).</summary>
    public IReadOnlyList<string> RequestLines =>
        File.Exists(LogPath) ? ReadShared(LogPath).Where(line => line.IndexOf("Request (file descriptor", StringComparison.Ordinal) >= 0).ToList() : Array.Empty<string>();

    private string LogPath => Path.Combine(directory, "tinyproxy.log");

    /// <summary>Starts tinyproxy on a free loopback port; with <paramref name="user"/>, it answers 407 to requests without those credentials.</summary>
    public static async Task<ForwardProxy> StartAsync(string? user = null, string? password = null, CancellationToken cancellationToken = default)
    {
        var executable = Executable ?? throw new InvalidOperationException(WhyUnavailable);
        var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "dintero-proxy-" + Guid.NewGuid().ToString("N"))).FullName;
        var port = FreePort();
        var lines = new List<string>
        {
            $"Port {port}",
            "Listen 127.0.0.1",
            "Timeout 60",
            $"LogFile \"{Path.Combine(directory, "tinyproxy.log")}\"",
            "LogLevel Info",
            "MaxClients 64",
            "Allow 127.0.0.1",
            $"ViaProxyName \"{ViaName}\"",
        };
        if (user != null) lines.Add($"BasicAuth {user} {password}");
        var configuration = Path.Combine(directory, "tinyproxy.conf");
        File.WriteAllLines(configuration, lines);

        var start = new ProcessStartInfo(executable, $"-d -c \"{configuration}\"") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("tinyproxy did not start.");
        var proxy = new ForwardProxy(process, directory, new Uri($"http://127.0.0.1:{port}/"), user, password);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                var error = await process.StandardError.ReadToEndAsync();
                throw new InvalidOperationException($"tinyproxy exited with {process.ExitCode}: {error}");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return proxy;
            }
            catch (SocketException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
        await proxy.DisposeAsync();
        throw new TimeoutException("tinyproxy did not listen within 15 s.");
    }

    /// <summary>A loopback port nobody listens on: for the test of a proxy that cannot be reached.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // tinyproxy -d runs in the foreground and starts no children.
            if (!process.HasExited) process.Kill();
            await Task.Run(() => process.WaitForExit());
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        process.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A log still open on a slow file system: the temp directory is cleaned up later.
        }
    }

    private static IEnumerable<string> ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var all = new List<string>();
        while (reader.ReadLine() is { } line) all.Add(line);
        return all;
    }
}
