using System.Reflection;
using System.Runtime.Loader;

namespace Dintero.Connections.Tests.Support;

/// <summary>
/// What a cmdlet's body does first when it reaches the engine, done by reflection from a load context that stands in
/// for PowerShell's: it names an engine type, which the runtime asks that context for and, failing it, the module's
/// resolvers; then it serializes a contracts model (System.Text.Json) and builds a client (Microsoft.Extensions.Http).
/// Kept in the tests, so that nothing in the shipped module exists only for them.
/// </summary>
public static class EngineProbe
{
    public sealed record Report(string Result, string EngineLocation, string? EngineContext, string? ContractsContext, string SerializerLocation, bool SameModelType);

    /// <param name="host">The context the staged module was loaded into, after its resolvers were installed.</param>
    /// <param name="module">The staged module assembly, loaded there.</param>
    public static Report Run(AssemblyLoadContext host, Assembly module)
    {
        var engine = host.LoadFromAssemblyName(new AssemblyName("Dintero.Connections.Engine"));
        var contracts = host.LoadFromAssemblyName(module.GetReferencedAssemblies().Single(reference => reference.Name == "Dintero.Connections.Contracts"));
        Type EngineType(string name) => engine.GetType(name, throwOnError: true)!;

        var paymentOptionType = contracts.GetType("Dintero.Connections.Models.PaymentOption", throwOnError: true)!;
        var option = Activator.CreateInstance(paymentOptionType)!;
        paymentOptionType.GetProperty("type")!.SetValue(option, "dintero.zero");
        paymentOptionType.GetProperty("currencies")!.SetValue(option, new List<string> { "NOK" });
        var json = EngineType("Dintero.Connections.Json.DinteroJson");
        var text = (string)json.GetMethod("Serialize")!.Invoke(null, new object?[] { option, false })!;

        var credential = Activator.CreateInstance(EngineType("Dintero.Connections.Auth.DinteroCredential"), "probe", "probe-secret")!;
        var options = Activator.CreateInstance(EngineType("Dintero.Connections.Http.DinteroApiOptions"))!;
        options.GetType().GetProperty("Credential")!.SetValue(options, credential);
        using var client = (IDisposable)Activator.CreateInstance(EngineType("Dintero.Connections.Http.DinteroApi"), options)!;
        var baseUri = client.GetType().GetProperty("BaseUri")!.GetValue(client);

        // A model the engine creates must be of the very type the cmdlets see, or PowerShell could not use it.
        var deserialize = json.GetMethods().Single(m => m.Name == "Deserialize" && m.IsGenericMethod && m.GetParameters()[0].ParameterType == typeof(string));
        var created = deserialize.MakeGenericMethod(paymentOptionType).Invoke(null, new object[] { "{}" })!;

        return new Report(
            $"{text} {baseUri}",
            engine.Location,
            AssemblyLoadContext.GetLoadContext(engine)?.Name,
            AssemblyLoadContext.GetLoadContext(contracts)?.Name,
            SerializerOf(engine).Location,
            created.GetType() == paymentOptionType);
    }

    // The System.Text.Json the engine was bound to: the one in the engine's load context, else the runtime's.
    private static Assembly SerializerOf(Assembly engine) =>
        (AssemblyLoadContext.GetLoadContext(engine)?.Assemblies ?? Enumerable.Empty<Assembly>()).Concat(AssemblyLoadContext.Default.Assemblies)
            .First(assembly => assembly.GetName().Name == "System.Text.Json");
}
