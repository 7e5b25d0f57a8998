namespace Dintero.Connections.ModuleTests.Support;

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

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dintero.Connections.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
