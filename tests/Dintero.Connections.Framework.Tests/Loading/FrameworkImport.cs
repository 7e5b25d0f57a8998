using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using Dintero.Connections.Framework.Tests.Support;

namespace Dintero.Connections.Framework.Tests.Loading;

/// <summary>
/// The staged module imported once into this process as Windows PowerShell 5.1 imports it, in the order it does:
/// the host's protocols as powershell.exe often has them, the module assembly loaded from its folder, its initializer's
/// <c>DependencyLoader.Register</c>; then a request for one of the module's dependencies from an assembly that is not
/// the module's (this one), and only then the engine, reached from the module's own code. What each step saw is kept
/// for the tests, which run after it (the order matters: a dependency the engine loaded would answer the foreign request).
/// </summary>
public sealed class FrameworkImport
{
    // SecurityProtocolType.Ssl3 | Tls: what powershell.exe on .NET Framework 4.x often starts with.
    public const SecurityProtocolType HostProtocols = (SecurityProtocolType)48 | SecurityProtocolType.Tls;

    public FrameworkImport()
    {
        ServicePointManager.SecurityProtocol = HostProtocols;
        Module = System.Reflection.Assembly.LoadFrom(StagedModule.Assembly);
        Loader = Module.GetType("Dintero.Connections.Loading.DependencyLoader", throwOnError: true)!;
        Loader.GetMethod("Register", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null);
        ProtocolsAfterImport = ServicePointManager.SecurityProtocol;

        ForeignRequest = Attempt(AskForMicrosoftExtensionsHttp);

        // A module type whose constructor names an engine type: reading its signature makes the runtime ask for the
        // engine on the module's behalf, as a cmdlet's first engine call does.
        var watch = Module.GetType("Dintero.Connections.Waiting.StatusWatch", throwOnError: true)!;
        var waitOptions = watch.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Single().GetParameters()[0].ParameterType;
        Engine = waitOptions.Assembly;
    }

    public Assembly Module { get; }

    public Type Loader { get; }

    public Assembly Engine { get; }

    public SecurityProtocolType ProtocolsAfterImport { get; }

    /// <summary>What became of this assembly's own request for Microsoft.Extensions.Http (shipped in Dependencies/).</summary>
    public Exception? ForeignRequest { get; }

    public Type EngineType(string name) => Engine.GetType(name, throwOnError: true)!;

    private static Exception? Attempt(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    // Compiled against Microsoft.Extensions.Http, which this project never copies: the runtime must ask the resolvers.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AskForMicrosoftExtensionsHttp() => GC.KeepAlive(typeof(Microsoft.Extensions.Http.HttpClientFactoryOptions).TypeHandle);
}
