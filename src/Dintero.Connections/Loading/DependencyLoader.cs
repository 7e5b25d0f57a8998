using System;
using System.IO;
using System.Reflection;

namespace Dintero.Connections.Loading
{
    /// <summary>
    /// Loads the module's own assemblies so that they cannot clash with other versions of their dependencies
    /// already loaded in the PowerShell process, while the types users name stay visible to PowerShell.
    /// <list type="bullet">
    /// <item>The module assembly (cmdlets) and the contracts (models, exceptions, the context; no dependencies) sit in
    /// the module folder and load in PowerShell's own context, where type literals and parameter types resolve.</item>
    /// <item>PowerShell 7 (.NET): the engine loads from Dependencies/ into a load context of its own. Its
    /// dependencies (System.Text.Json, Microsoft.Extensions.*) come from PowerShell when it has the same or a
    /// newer version, and from Dependencies/ otherwise.</item>
    /// <item>Windows PowerShell 5.1 (.NET Framework: no load contexts, no binding redirects for modules): an assembly
    /// the runtime cannot bind is loaded from the module's folders, but only when one of the module's own
    /// assemblies asks for it; another module asking for System.Text.Json is never handed ours. There, TLS 1.2 is
    /// also added to the process's protocols (the engine's Http/TransportSecurity says why).</item>
    /// </list>
    /// <para>
    /// Order matters: PowerShell lists the module assembly's public types and reads its cmdlets' parameters before it
    /// calls <see cref="ModuleInitializer.OnImport"/>, which installs these resolvers. Until then only the module
    /// folder is probed, so no public type of the module assembly may need the engine to load: the cmdlets' members
    /// name only .NET, PowerShell and contract types, and reach the engine inside method bodies, which run later.
    /// A module test loads the staged module the way PowerShell does and checks exactly that.
    /// </para>
    /// The load-context API is reached by reflection: this assembly targets netstandard2.0, which lacks it.
    /// Nothing here touches System.Management.Automation, so tests drive it without a PowerShell host.
    /// </summary>
    internal static class DependencyLoader
    {
        public const string EngineAssemblyName = "Dintero.Connections.Engine";
        public const string ContractsAssemblyName = "Dintero.Connections.Contracts";
        public const string IsolatedContextName = "Dintero.Connections";
        private const string LoadContextTypeName = "System.Runtime.Loader.AssemblyLoadContext, System.Runtime.Loader";
        private static readonly object Gate = new object();
        private static bool registered;
        private static Type? contextType;
        private static object? homeContext;
        private static object? isolatedContext;
        private static MethodInfo? loadFromAssemblyPath;
        private static EventInfo? resolving;
        private static Delegate? moduleHandler;
        private static Delegate? engineHandler;

        public static string ModuleDirectory { get; } = Path.GetDirectoryName(typeof(DependencyLoader).Assembly.Location)!;

        public static string DependencyDirectory { get; } = Path.Combine(ModuleDirectory, "Dependencies");

        /// <summary>Whether the resolvers are installed now.</summary>
        public static bool IsRegistered
        {
            get { lock (Gate) return registered; }
        }

        /// <summary>Installs the resolvers; does nothing when they are installed already.</summary>
        public static void Register()
        {
            lock (Gate)
            {
                if (registered) return;
                registered = true;
                contextType ??= Type.GetType(LoadContextTypeName, throwOnError: false);
                if (contextType == null || contextType.GetConstructor(new[] { typeof(string), typeof(bool) }) == null)
                {
                    AppDomain.CurrentDomain.AssemblyResolve += ResolveOnFramework;
                    AddTls12();
                    return;
                }

                if (isolatedContext == null)
                {
                    // Created once per process: a module removed and imported again keeps the engine it already loaded.
                    loadFromAssemblyPath = contextType.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) });
                    homeContext = contextType.GetMethod("GetLoadContext", new[] { typeof(Assembly) })!.Invoke(null, new object[] { typeof(DependencyLoader).Assembly });
                    isolatedContext = Activator.CreateInstance(contextType, IsolatedContextName, false);
                    resolving = contextType.GetEvent("Resolving")!;
                    moduleHandler = Handler(resolving, nameof(ResolveForModule));
                    engineHandler = Handler(resolving, nameof(ResolveForEngine));
                    resolving.AddEventHandler(isolatedContext, engineHandler);
                }
                resolving!.AddEventHandler(homeContext, moduleHandler);
            }
        }

        // Windows PowerShell's HttpClientHandler offers only the protocols of ServicePointManager (see the engine's
        // TransportSecurity). A method of its own, called once the resolver is hooked: the engine loads through it.
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static void AddTls12() => Http.TransportSecurity.EnsureTls12();

        /// <summary>Removes the resolvers from PowerShell's context (on Remove-Module); the engine's own context keeps its.</summary>
        public static void Unregister()
        {
            lock (Gate)
            {
                if (!registered) return;
                registered = false;
                if (isolatedContext == null) AppDomain.CurrentDomain.AssemblyResolve -= ResolveOnFramework;
                else resolving!.RemoveEventHandler(homeContext, moduleHandler);
            }
        }

        /// <summary>The name of the load context that holds an assembly; null on .NET Framework.</summary>
        public static string? LoadContextName(Assembly assembly)
        {
            var type = Type.GetType(LoadContextTypeName, throwOnError: false);
            var context = type?.GetMethod("GetLoadContext", new[] { typeof(Assembly) })?.Invoke(null, new object[] { assembly });
            return context == null ? null : type!.GetProperty("Name")?.GetValue(context) as string;
        }

        /// <summary>
        /// The .NET Framework resolver's answer: an assembly file of the module's folders, only for a request made by one
        /// of the module's own assemblies (those loaded from its folders).
        /// </summary>
        public static string? FrameworkCandidate(string requestedName, Assembly? requestingAssembly)
        {
            if (requestingAssembly == null || requestingAssembly.IsDynamic || !IsOwn(requestingAssembly.Location)) return null;
            var file = new AssemblyName(requestedName).Name + ".dll";
            foreach (var directory in new[] { ModuleDirectory, DependencyDirectory })
            {
                var path = Path.Combine(directory, file);
                if (File.Exists(path)) return path;
            }
            return null;
        }

        private static bool IsOwn(string location)
        {
            var directory = Path.GetDirectoryName(location);
            return string.Equals(directory, ModuleDirectory, StringComparison.OrdinalIgnoreCase)
                || string.Equals(directory, DependencyDirectory, StringComparison.OrdinalIgnoreCase);
        }

        private static Delegate Handler(EventInfo resolvingEvent, string method) =>
            Delegate.CreateDelegate(resolvingEvent.EventHandlerType!, typeof(DependencyLoader).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!);

        // Both handlers have the shape of Func<AssemblyLoadContext, AssemblyName, Assembly?>, with the context as object.
        // PowerShell's context asks only for the module's two assembly names to be found here; nothing else is answered.
        private static Assembly? ResolveForModule(object context, AssemblyName name) => name.Name switch
        {
            EngineAssemblyName => Load(isolatedContext, Path.Combine(DependencyDirectory, name.Name + ".dll")),
            ContractsAssemblyName => Load(homeContext, Path.Combine(ModuleDirectory, name.Name + ".dll")),
            _ => null,
        };

        private static Assembly? ResolveForEngine(object context, AssemblyName name) =>
            name.Name == ContractsAssemblyName
                ? Load(homeContext, Path.Combine(ModuleDirectory, name.Name + ".dll")) // one copy of the contracts, shared
                : Load(isolatedContext, Path.Combine(DependencyDirectory, name.Name + ".dll"));

        private static Assembly? Load(object? context, string path) =>
            File.Exists(path) ? (Assembly)loadFromAssemblyPath!.Invoke(context, new object[] { path })! : null;

        private static Assembly? ResolveOnFramework(object? sender, ResolveEventArgs args)
        {
            var path = FrameworkCandidate(args.Name, args.RequestingAssembly);
            return path == null ? null : Assembly.LoadFrom(path);
        }
    }
}
