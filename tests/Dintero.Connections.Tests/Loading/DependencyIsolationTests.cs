using System.Reflection;
using System.Runtime.Loader;
using Dintero.Connections.Tests.Support;

namespace Dintero.Connections.Tests.Loading;

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

        var report = EngineProbe.Run(host, module);

        var dependencies = Path.Combine(Repository.StagedModule, "Dependencies");
        Assert.Equal(Path.Combine(dependencies, "Dintero.Connections.Engine.dll"), report.EngineLocation);
        Assert.Equal("{\"currencies\":[\"NOK\"],\"type\":\"dintero.zero\"} https://api.dintero.com/v1/", report.Result);
        Assert.Equal("Dintero.Connections", report.EngineContext);
        Assert.Equal("PowerShell stand-in", report.ContractsContext);
        Assert.True(report.SameModelType);
        // The serializer comes from the host when it has the same or a newer version, else from Dependencies.
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        Assert.True(report.SerializerLocation.StartsWith(dependencies) || report.SerializerLocation.StartsWith(runtime), report.SerializerLocation);
    }

    [Fact]
    public void On_NET_the_import_leaves_the_process_s_TLS_protocols_alone()
    {
        // .NET's HttpClient ignores ServicePointManager; only on .NET Framework does the loader add TLS 1.2.
#pragma warning disable SYSLIB0014 // ServicePointManager: set here only to see that the module leaves it as it is
        var before = System.Net.ServicePointManager.SecurityProtocol;
        System.Net.ServicePointManager.SecurityProtocol = System.Net.SecurityProtocolType.Tls;
        try
        {
            var module = new AssemblyLoadContext("PowerShell stand-in for TLS", isCollectible: false).LoadFromAssemblyPath(Repository.StagedAssembly);
            module.GetType("Dintero.Connections.Loading.DependencyLoader", throwOnError: true)!.GetMethod("Register", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null);

            Assert.Equal(System.Net.SecurityProtocolType.Tls, System.Net.ServicePointManager.SecurityProtocol);
        }
        finally
        {
            System.Net.ServicePointManager.SecurityProtocol = before;
        }
#pragma warning restore SYSLIB0014
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

    [Fact]
    public void Remove_Module_unhooks_the_resolver_and_import_hooks_it_again()
    {
        var host = new AssemblyLoadContext("PowerShell stand-in for Remove-Module", isCollectible: false);
        var module = host.LoadFromAssemblyPath(Repository.StagedAssembly);
        var loader = module.GetType("Dintero.Connections.Loading.DependencyLoader", throwOnError: true)!;
        void Call(string name) => loader.GetMethod(name, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null);
        bool Registered() => (bool)loader.GetProperty("IsRegistered", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

        Call("Register");
        Call("Unregister");

        Assert.False(Registered());
        Assert.Throws<FileNotFoundException>(() => host.LoadFromAssemblyName(new AssemblyName("Dintero.Connections.Engine")));
        Call("Register");
        Assert.True(Registered());
        Assert.Equal("Dintero.Connections", AssemblyLoadContext.GetLoadContext(host.LoadFromAssemblyName(new AssemblyName("Dintero.Connections.Engine")))!.Name);
    }

    [Fact]
    public void On_Windows_PowerShell_the_resolver_answers_only_the_module_s_own_assemblies()
    {
        var module = new AssemblyLoadContext("inspection", isCollectible: false).LoadFromAssemblyPath(Repository.StagedAssembly);
        var candidate = module.GetType("Dintero.Connections.Loading.DependencyLoader", throwOnError: true)!
            .GetMethod("FrameworkCandidate", BindingFlags.Public | BindingFlags.Static)!;
        string? Answer(string name, Assembly? requester) => (string?)candidate.Invoke(null, new object?[] { name, requester });
        const string json = "System.Text.Json, Version=10.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51";

        // Another module (here: the runtime itself, or this test) asking for System.Text.Json is not handed ours.
        Assert.Null(Answer(json, typeof(object).Assembly));
        Assert.Null(Answer(json, typeof(DependencyIsolationTests).Assembly));
        Assert.Null(Answer(json, null));
        // The module's own assemblies are.
        Assert.Equal(Path.Combine(Repository.StagedModule, "Dependencies", "System.Text.Json.dll"), Answer(json, module));
        Assert.Equal(Path.Combine(Repository.StagedModule, "Dintero.Connections.Contracts.dll"), Answer("Dintero.Connections.Contracts", module));
        Assert.Null(Answer("Some.Other.Assembly", module));
    }
}
