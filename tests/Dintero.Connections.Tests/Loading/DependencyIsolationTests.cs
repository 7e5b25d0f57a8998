using System.Reflection;
using System.Runtime.Loader;
using Dintero.Connections.ModuleTests.Support;

namespace Dintero.Connections.ModuleTests.Loading;

/// <summary>
/// The staged module, loaded as PowerShell 7 loads a binary module, finds its engine through its own loader:
/// the engine lands in a load context of its own, from the module's Dependencies folder, and works; the
/// contracts (models, exceptions) land in the host's context, where PowerShell resolves type names, and the
/// engine shares that one copy.
/// </summary>
public sealed class DependencyIsolationTests
{
    [Fact]
    public void The_engine_is_loaded_in_isolation_from_the_Dependencies_folder_and_works()
    {
        // Stands in for PowerShell's (default) load context: it knows nothing of the engine or its dependencies.
        // Not collectible, like the default context: the engine's context may not reference a collectible one.
        var host = new AssemblyLoadContext("PowerShell stand-in", isCollectible: false);
        var module = host.LoadFromAssemblyPath(Repository.StagedAssembly);
        Assert.Throws<FileNotFoundException>(() => host.LoadFromAssemblyName(new AssemblyName("Dintero.Connections.Engine")));

        var loader = module.GetType("Dintero.Connections.Loading.DependencyLoader", throwOnError: true)!;
        var register = loader.GetMethod("Register", BindingFlags.Public | BindingFlags.Static)!;
        register.Invoke(null, null);
        register.Invoke(null, null); // idempotent

        var probe = module.GetType("Dintero.Connections.Loading.DependencyProbe", throwOnError: true)!;
        var report = (IReadOnlyDictionary<string, string>)probe.GetMethod("Run", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null)!;

        var dependencies = Path.Combine(Repository.StagedModule, "Dependencies");
        Assert.Equal(Path.Combine(dependencies, "Dintero.Connections.Engine.dll"), report["engine"]);
        Assert.Equal("{\"currencies\":[\"NOK\"],\"type\":\"dintero.zero\"} https://api.dintero.com/v1/", report["result"]);
        Assert.Equal("Dintero.Connections", report["engineContext"]);
        Assert.Equal("PowerShell stand-in", report["contractsContext"]);
        Assert.Equal("True", report["sameModelType"]);
        // The serializer comes from the host when it has the same or a newer version, else from Dependencies.
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        Assert.True(report["serializer"].StartsWith(dependencies) || report["serializer"].StartsWith(runtime), report["serializer"]);
    }

    [Fact]
    public void This_test_process_does_not_carry_the_engine_itself()
    {
        // Otherwise the test above would pass whatever the module's loader did.
        var dependencies = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Dintero.Connections.Tests.deps.json"));

        Assert.DoesNotContain("Dintero.Connections.Engine", dependencies);
        Assert.DoesNotContain("Dintero.Connections.Contracts", dependencies);
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, "Dintero.Connections.Engine.dll")));
    }
}
