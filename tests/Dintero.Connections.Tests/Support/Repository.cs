using System.Reflection;

namespace Dintero.Connections.Tests.Support;

/// <summary>Paths in the repository and in the staged module.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string StagedModule => Path.Combine(Root, "out", "Dintero.Connections");

    public static string StagedAssembly => Path.Combine(StagedModule, "Dintero.Connections.dll");

    public static string Manifest => Path.Combine(Root, "Dintero.Connections.psd1");

    public static string Docs => Path.Combine(Root, "docs");

    public static string Tests => Path.Combine(Root, "tests");

    /// <summary>The guides the README sends a reader to, one idea each.</summary>
    public static string Guides => Path.Combine(Docs, "guides");

    /// <summary>
    /// The README and the guides, as paths from the root with '/': the documents whose examples run in Pester, and
    /// which ship with the module as they are laid out here.
    /// </summary>
    public static IReadOnlyList<string> Documents() =>
        new[] { "README.md" }.Concat(Directory.GetFiles(Guides, "*.md").Select(path => "docs/guides/" + Path.GetFileName(path)).Order(StringComparer.Ordinal)).ToList();

    /// <summary>Where each Pester suite's counts are written when it passes (out/pester), for the end of a CI run.</summary>
    public static string PesterSummaries => Path.Combine(Root, "out", "pester");

    /// <summary>The stub System.Management.Automation that PowerShellStandard.Library gives, copied beside the tests.</summary>
    public static string PowerShellStub => Path.Combine(AppContext.BaseDirectory, "System.Management.Automation.dll");

    /// <summary>The repository's tool manifest, which pins the pwsh used where none is on PATH.</summary>
    public static string ToolManifest => Path.Combine(Root, ".config", "dotnet-tools.json");

    /// <summary>Pester's module manifest, from the NuGet download this project's build restored.</summary>
    public static string PesterModule { get; } = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "PesterModule").Value!;

    /// <summary>The .NET Framework 4.7.2 reference assemblies (and Facades/) of the NuGet download this project's build restored.</summary>
    public static string NetFramework472 { get; } = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "NetFramework472").Value!;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dintero.Connections.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
