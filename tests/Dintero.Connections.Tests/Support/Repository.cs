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

    public static string Readme => Path.Combine(Root, "README.md");

    /// <summary>The stub System.Management.Automation that PowerShellStandard.Library gives, copied beside the tests.</summary>
    public static string PowerShellStub => Path.Combine(AppContext.BaseDirectory, "System.Management.Automation.dll");

    /// <summary>The repository's tool manifest, which pins the pwsh used where none is on PATH.</summary>
    public static string ToolManifest => Path.Combine(Root, ".config", "dotnet-tools.json");

    /// <summary>Pester's module manifest, from the NuGet download this project's build restored.</summary>
    public static string PesterModule { get; } = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "PesterModule").Value!;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dintero.Connections.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
