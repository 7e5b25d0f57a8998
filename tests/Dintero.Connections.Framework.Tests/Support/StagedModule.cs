namespace Dintero.Connections.Framework.Tests.Support;

/// <summary>Where the build staged the module: out/Dintero.Connections, found from the repository root above the tests.</summary>
public static class StagedModule
{
    public static string Folder { get; } = Path.Combine(FindRoot(), "out", "Dintero.Connections");

    public static string Dependencies => Path.Combine(Folder, "Dependencies");

    public static string Assembly => Path.Combine(Folder, "Dintero.Connections.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppDomain.CurrentDomain.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dintero.Connections.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Cannot find the repository root above " + AppDomain.CurrentDomain.BaseDirectory);
    }
}
