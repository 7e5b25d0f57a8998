using System.Diagnostics;
using Dintero.Connections.Tests.Support;

namespace Dintero.Connections.Tests.Pester;

/// <summary>
/// The pwsh the Pester suites run in, found once: the one named by <c>DINTERO_TEST_PWSH</c> (a path, or <c>tool</c>
/// for the tool manifest's; a path may name Windows PowerShell 5.1, as tests/Windows.ps1 does); else the user's own pwsh 7 on PATH; else the PowerShell pinned in the repository's tool
/// manifest (<c>dotnet tool run pwsh</c>), which this project's build restored. Pester is the NuGet download the build
/// restored, imported by path. Where neither can run, the suites are skipped, except under <c>CI=true</c>, where a
/// skipped suite would let a landing through unguarded: there they fail.
/// </summary>
public static class PowerShellHost
{
    public const string OverrideVariable = "DINTERO_TEST_PWSH";

    private static readonly Lazy<Found> Host = new(Find);

    /// <summary>True under CI (<c>CI=true</c>, as CI services and .ci/run set it).</summary>
    public static bool InCI { get; } = Environment.GetEnvironmentVariable("CI") is { } value
        && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");

    /// <summary>Why the Pester suites cannot run here, or null when they can.</summary>
    public static string? WhyUnavailable => Host.Value.WhyUnavailable;

    /// <summary>Which pwsh runs the suites, e.g. "pwsh 7.6.9 from the tool manifest"; for the test log.</summary>
    public static string Description => Host.Value.Description;

    public static (int ExitCode, string Output) Run(string command, IDictionary<string, string> environment, TimeSpan timeout) =>
        Run(Host.Value.Command ?? throw new InvalidOperationException(WhyUnavailable), command, environment, timeout);

    private static (int ExitCode, string Output) Run(PwshCommand pwsh, string command, IDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(pwsh.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // `dotnet tool run` finds the manifest from the working directory.
            WorkingDirectory = Repository.Root,
        };
        foreach (var argument in pwsh.Prefix.Concat(["-NoLogo", "-NoProfile", "-NonInteractive", "-Command", command])) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"pwsh did not finish within {timeout}.\n{output.Result}{error.Result}");
        }
        return (process.ExitCode, output.Result + error.Result);
    }

    private static Found Find()
    {
        if (!File.Exists(Repository.PesterModule))
        {
            return new Found(null, "no Pester", $"Pester is not at {Repository.PesterModule}; build tests/Dintero.Connections.Tests, which downloads it.");
        }
        var chosen = Environment.GetEnvironmentVariable(OverrideVariable);
        var candidates = new List<(PwshCommand Command, string Source)>();
        if (!string.IsNullOrWhiteSpace(chosen))
        {
            candidates.Add(chosen == "tool" ? (ToolManifest, "the tool manifest") : (new PwshCommand(chosen, []), $"${OverrideVariable}"));
        }
        else
        {
            if (OnPath() is { } onPath) candidates.Add((new PwshCommand(onPath, []), "PATH"));
            candidates.Add((ToolManifest, "the tool manifest"));
        }

        var tried = new List<string>();
        foreach (var (command, source) in candidates)
        {
            // A pwsh 7 that starts: Windows PowerShell 5.1 or an old pwsh on PATH gives way to the manifest's. Named by
            // DINTERO_TEST_PWSH, Windows PowerShell 5.1 is taken too: tests/Windows.ps1 runs the suites in powershell.exe.
            var oldest = string.IsNullOrWhiteSpace(chosen) ? 7 : 5;
            var name = string.Join(' ', command.Prefix.Prepend(command.FileName));
            try
            {
                var (exit, output) = Run(command, $"if ($PSVersionTable.PSVersion.Major -ge {oldest}) {{ $PSVersionTable.PSVersion.ToString() }} else {{ exit 3 }}", new Dictionary<string, string>(), TimeSpan.FromMinutes(3));
                if (exit == 0) return new Found(command, $"pwsh {output.Trim()} from {source}", null);
                tried.Add($"{source} ({name}: exit {exit}{(output.Length > 0 ? ", " + output.Trim() : string.Empty)})");
            }
            catch (System.ComponentModel.Win32Exception exception)
            {
                tried.Add($"{source} ({name}: {exception.Message})");
            }
        }
        return new Found(null, "no pwsh", $"No PowerShell starts here: tried {string.Join("; ", tried)}. `dotnet tool restore` in the repository gives the pinned one.");
    }

    private static PwshCommand ToolManifest => new("dotnet", ["tool", "run", "pwsh"]);

    private static string? OnPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { Path.Combine(dir, "pwsh"), Path.Combine(dir, "pwsh.exe") })
            .FirstOrDefault(File.Exists);

    private sealed record PwshCommand(string FileName, IReadOnlyList<string> Prefix);

    private sealed record Found(PwshCommand? Command, string Description, string? WhyUnavailable);
}

/// <summary>
/// A theory that needs pwsh and Pester: reported as skipped, with the reason, where they are missing, except under
/// CI, where the test runs and fails with that reason.
/// </summary>
public sealed class PesterTheoryAttribute : TheoryAttribute
{
    public PesterTheoryAttribute()
    {
        if (!PowerShellHost.InCI && PowerShellHost.WhyUnavailable is { } reason) Skip = reason;
    }
}
