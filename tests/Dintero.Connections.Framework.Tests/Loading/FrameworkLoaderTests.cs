using System.Net;
using System.Reflection;
using Dintero.Connections.Framework.Tests.Support;

namespace Dintero.Connections.Framework.Tests.Loading;

/// <summary>
/// The loader's .NET Framework branch on a .NET Framework runtime: no load contexts, so an AppDomain.AssemblyResolve
/// handler answers the module's own assemblies from its folders, and no one else's; and TLS 1.2 added to the host's
/// protocols at import, with what the host set kept.
/// </summary>
public sealed class FrameworkLoaderTests : IClassFixture<FrameworkImport>
{
    private readonly FrameworkImport import;

    public FrameworkLoaderTests(FrameworkImport import) => this.import = import;

    [Fact]
    public void This_is_a_NET_Framework_runtime_and_the_test_carries_no_module_assembly_of_its_own()
    {
        Assert.False(System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.StartsWith(".NET Core", StringComparison.Ordinal));
        Assert.Null(Type.GetType("System.Runtime.Loader.AssemblyLoadContext, System.Runtime.Loader", throwOnError: false)?.GetConstructor(new[] { typeof(string), typeof(bool) }));
        var here = AppDomain.CurrentDomain.BaseDirectory;
        foreach (var name in new[] { "Dintero.Connections.Engine.dll", "Dintero.Connections.Contracts.dll", "Microsoft.Extensions.Http.dll", "System.Text.Json.dll" })
        {
            Assert.False(File.Exists(Path.Combine(here, name)), $"{name} is beside the tests: the resolver would not be needed to find it.");
        }
    }

    [Fact]
    public void The_engine_is_loaded_through_the_resolver_from_the_staged_Dependencies_folder()
    {
        Assert.True((bool)import.Loader.GetProperty("IsRegistered", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!);
        Assert.Equal(Path.Combine(StagedModule.Dependencies, "Dintero.Connections.Engine.dll"), import.Engine.Location);
    }

    [Fact]
    public void The_engine_works_and_its_own_dependencies_come_from_the_module_s_folders()
    {
        // The contracts as the engine asks for them (a signature of its own names them): this test's own request would be refused.
        var signupType = import.EngineType("Dintero.Connections.Validation.SignupValidator").GetMethods().First(method => method.Name == "Validate").GetParameters()[0].ParameterType;
        var optionType = signupType.Assembly.GetType("Dintero.Connections.Models.PaymentOption", throwOnError: true)!;
        var option = Activator.CreateInstance(optionType)!;
        optionType.GetProperty("type")!.SetValue(option, "dintero.zero");
        optionType.GetProperty("currencies")!.SetValue(option, new List<string> { "NOK" });

        var text = (string)import.EngineType("Dintero.Connections.Json.DinteroJson").GetMethod("Serialize")!.Invoke(null, new object?[] { option, false })!;
        var credential = Activator.CreateInstance(import.EngineType("Dintero.Connections.Auth.DinteroCredential"), "probe", "probe-secret")!;
        var options = Activator.CreateInstance(import.EngineType("Dintero.Connections.Http.DinteroApiOptions"))!;
        options.GetType().GetProperty("Credential")!.SetValue(options, credential);
        using var client = (IDisposable)Activator.CreateInstance(import.EngineType("Dintero.Connections.Http.DinteroApi"), options)!;

        Assert.Equal("{\"currencies\":[\"NOK\"],\"type\":\"dintero.zero\"}", text);
        Assert.Equal("https://api.dintero.com/v1/", client.GetType().GetProperty("BaseUri")!.GetValue(client)!.ToString());
        Assert.Equal(Path.Combine(StagedModule.Folder, "Dintero.Connections.Contracts.dll"), optionType.Assembly.Location);
        foreach (var dependency in new[] { "System.Text.Json", "Microsoft.Extensions.Http", "Microsoft.Extensions.DependencyInjection" })
        {
            var loaded = AppDomain.CurrentDomain.GetAssemblies().Where(assembly => assembly.GetName().Name == dependency).ToList();
            Assert.True(loaded.Count == 1, $"{dependency}: {loaded.Count} loaded");
            Assert.Equal(Path.Combine(StagedModule.Dependencies, dependency + ".dll"), loaded[0].Location);
        }
    }

    [Fact]
    public void Another_assembly_s_request_for_a_dependency_the_module_ships_is_not_answered()
    {
        Assert.True(File.Exists(Path.Combine(StagedModule.Dependencies, "Microsoft.Extensions.Http.dll")));
        var refused = Assert.IsAssignableFrom<FileNotFoundException>(import.ForeignRequest is TypeLoadException || import.ForeignRequest is TargetInvocationException ? import.ForeignRequest.InnerException : import.ForeignRequest);
        Assert.Contains("Microsoft.Extensions.Http", refused.Message);
    }

    [Fact]
    public void At_import_TLS_1_2_is_added_to_the_host_s_protocols_and_what_the_host_set_stays()
    {
        Assert.Equal(FrameworkImport.HostProtocols | SecurityProtocolType.Tls12, import.ProtocolsAfterImport);
        var notice = (string?)import.EngineType("Dintero.Connections.Http.TransportSecurity").GetProperty("ImportNotice")!.GetValue(null);
        Assert.Equal("Dintero.Connections added TLS 1.2 to [Net.ServicePointManager]::SecurityProtocol at import (Ssl3, Tls -> Ssl3, Tls, Tls12): Dintero's API takes TLS 1.2, and .NET Framework offers only the protocols listed there.", notice);
    }
}
