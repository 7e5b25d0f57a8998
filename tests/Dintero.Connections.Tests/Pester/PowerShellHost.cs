using System.Diagnostics;

namespace Dintero.Connections.ModuleTests.Pester;

/// <summary>Finds pwsh with Pester 5 on this machine, once; the Pester suites are skipped where there is none.</summary>
public static class PowerShellHost
{
    private static readonly Lazy<string?> Missing = new(FindMissing);

    /// <summary>Why the Pester suites cannot run here, or null when they can.</summary>
    public static string? WhyUnavailable => Missing.Value;

    public static string Pwsh { get; private set; } = "pwsh";

    public static (int ExitCode, string Output) Run(string command, IDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Pwsh) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-NoLogo", "-NoProfile", "-NonInteractive", "-Command", command }) start.ArgumentList.Add(argument);
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

    private static string? FindMissing()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .SelectMany(dir => new[] { Path.Combine(dir, "pwsh"), Path.Combine(dir, "pwsh.exe") })
            .FirstOrDefault(File.Exists);
        if (path == null) return "pwsh (PowerShell 7) is not on PATH; the Pester suites run where it is.";
        Pwsh = path;
        var (exit, _) = Run("if (Get-Module -ListAvailable Pester | Where-Object Version -ge '5.0.0') { exit 0 } else { exit 3 }", new Dictionary<string, string>(), TimeSpan.FromMinutes(2));
        return exit == 0 ? null : "Pester 5 is not installed for pwsh (Install-Module Pester); the Pester suites run where it is.";
    }
}

/// <summary>A theory that is reported as skipped, with the reason, where pwsh or Pester is missing.</summary>
public sealed class PesterTheoryAttribute : TheoryAttribute
{
    public PesterTheoryAttribute()
    {
        if (PowerShellHost.WhyUnavailable is { } reason) Skip = reason;
    }
}
