using System;
using System.IO;
using System.Reflection;

namespace Dintero.Connections.Loading
{
    /// <summary>
    /// Loads the module's own assemblies so that they cannot clash with other versions of their dependencies
    /// already loaded in the PowerShell process, while the types users name stay visible to PowerShell.
    /// <list type="bullet">
    /// <item>The contracts (models, exceptions; no dependencies) load from the module folder into the context
    /// that holds this assembly, PowerShell's own, where type literals resolve.</item>
    /// <item>PowerShell 7 (.NET): the engine loads from Dependencies/ into a load context of its own. Its
    /// dependencies (System.Text.Json, Microsoft.Extensions.*) come from PowerShell when it has the same or a
    /// newer version, and from Dependencies/ otherwise.</item>
    /// <item>Windows PowerShell 5.1 (.NET Framework: no load contexts, no binding redirects for modules): any
    /// assembly the runtime cannot bind and that the module holds is loaded from there, whatever the version asked.</item>
    /// </list>
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
        private static object? homeContext;
        private static object? isolatedContext;
        private static MethodInfo? loadFromAssemblyPath;

        public static string ModuleDirectory { get; } = Path.GetDirectoryName(typeof(DependencyLoader).Assembly.Location)!;

        public static string DependencyDirectory { get; } = Path.Combine(ModuleDirectory, "Dependencies");

        /// <summary>Installs the resolvers once per process.</summary>
        public static void Register()
        {
            lock (Gate)
            {
                if (registered) return;
                registered = true;
                var contextType = Type.GetType(LoadContextTypeName, throwOnError: false);
                if (contextType == null || contextType.GetConstructor(new[] { typeof(string), typeof(bool) }) == null)
                {
                    AppDomain.CurrentDomain.AssemblyResolve += ResolveOnFramework;
                    return;
                }

                loadFromAssemblyPath = contextType.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) });
                homeContext = contextType.GetMethod("GetLoadContext", new[] { typeof(Assembly) })!.Invoke(null, new object[] { typeof(DependencyLoader).Assembly });
                isolatedContext = Activator.CreateInstance(contextType, IsolatedContextName, false);
                var resolving = contextType.GetEvent("Resolving")!;
                resolving.AddEventHandler(homeContext, Handler(resolving, nameof(ResolveForModule)));
                resolving.AddEventHandler(isolatedContext, Handler(resolving, nameof(ResolveForEngine)));
            }
        }

        /// <summary>The name of the load context that holds an assembly; null on .NET Framework.</summary>
        public static string? LoadContextName(Assembly assembly)
        {
            var contextType = Type.GetType(LoadContextTypeName, throwOnError: false);
            var context = contextType?.GetMethod("GetLoadContext", new[] { typeof(Assembly) })?.Invoke(null, new object[] { assembly });
            return context == null ? null : contextType!.GetProperty("Name")?.GetValue(context) as string;
        }

        private static Delegate Handler(EventInfo resolving, string method) =>
            Delegate.CreateDelegate(resolving.EventHandlerType!, typeof(DependencyLoader).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!);

        // Both handlers have the shape of Func<AssemblyLoadContext, AssemblyName, Assembly?>, with the context as object.
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
            var file = new AssemblyName(args.Name).Name + ".dll";
            foreach (var directory in new[] { ModuleDirectory, DependencyDirectory })
            {
                var path = Path.Combine(directory, file);
                if (File.Exists(path)) return Assembly.LoadFrom(path);
            }
            return null;
        }
    }
}
