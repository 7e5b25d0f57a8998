using System;
using System.IO;
using System.Reflection;

namespace Dintero.Connections.Loading
{
    /// <summary>
    /// Loads the engine and its dependencies (System.Text.Json, Microsoft.Extensions.*) from the module's
    /// Dependencies folder, so they cannot clash with other versions already loaded in the PowerShell process.
    /// <list type="bullet">
    /// <item>PowerShell 7 (.NET): the engine goes into a load context of its own. Its dependencies come from
    /// PowerShell when it has the same or a newer version, and from the Dependencies folder otherwise.</item>
    /// <item>Windows PowerShell 5.1 (.NET Framework, no load contexts, no binding redirects for modules): any
    /// assembly the runtime cannot bind and that the Dependencies folder holds is loaded from there, whatever the
    /// version asked for.</item>
    /// </list>
    /// The load-context API is reached by reflection: this assembly targets netstandard2.0, which lacks it.
    /// Nothing here touches System.Management.Automation, so tests can drive it without a PowerShell host.
    /// </summary>
    internal static class DependencyLoader
    {
        public const string EngineAssemblyName = "Dintero.Connections.Engine";
        public const string IsolatedContextName = "Dintero.Connections";
        private static readonly object Gate = new object();
        private static string? dependencyDirectory;
        private static object? isolatedContext;
        private static MethodInfo? loadFromAssemblyPath;

        public static string DependencyDirectory =>
            dependencyDirectory ??= Path.Combine(Path.GetDirectoryName(typeof(DependencyLoader).Assembly.Location)!, "Dependencies");

        /// <summary>Installs the resolver once per process.</summary>
        public static void Register()
        {
            lock (Gate)
            {
                if (isolatedContext != null || framework) return;
                var contextType = Type.GetType("System.Runtime.Loader.AssemblyLoadContext, System.Runtime.Loader", throwOnError: false);
                if (contextType == null || contextType.GetConstructor(new[] { typeof(string), typeof(bool) }) == null)
                {
                    framework = true;
                    AppDomain.CurrentDomain.AssemblyResolve += ResolveOnFramework;
                    return;
                }

                isolatedContext = Activator.CreateInstance(contextType, IsolatedContextName, false);
                loadFromAssemblyPath = contextType.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) });
                var resolving = contextType.GetEvent("Resolving")!;
                resolving.AddEventHandler(isolatedContext, Handler(resolving, nameof(ResolveDependency)));
                // The context that holds this assembly (PowerShell's default one) asks for the engine: hand it the isolated copy.
                var home = contextType.GetMethod("GetLoadContext", new[] { typeof(Assembly) })!.Invoke(null, new object[] { typeof(DependencyLoader).Assembly });
                resolving.AddEventHandler(home, Handler(resolving, nameof(ResolveEngine)));
            }
        }

        private static bool framework;

        /// <summary>The name of the load context that holds an assembly; null on .NET Framework.</summary>
        public static string? LoadContextName(Assembly assembly)
        {
            var contextType = Type.GetType("System.Runtime.Loader.AssemblyLoadContext, System.Runtime.Loader", throwOnError: false);
            var context = contextType?.GetMethod("GetLoadContext", new[] { typeof(Assembly) })?.Invoke(null, new object[] { assembly });
            return context == null ? null : contextType!.GetProperty("Name")?.GetValue(context) as string;
        }

        private static Delegate Handler(EventInfo resolving, string method) =>
            Delegate.CreateDelegate(resolving.EventHandlerType!, typeof(DependencyLoader).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!);

        // Signature of Func<AssemblyLoadContext, AssemblyName, Assembly?>, with the context as object.
        private static Assembly? ResolveEngine(object context, AssemblyName name) =>
            name.Name == EngineAssemblyName ? LoadIsolated(name) : null;

        private static Assembly? ResolveDependency(object context, AssemblyName name) => LoadIsolated(name);

        private static Assembly? LoadIsolated(AssemblyName name)
        {
            var path = PathOf(name);
            return path == null ? null : (Assembly)loadFromAssemblyPath!.Invoke(isolatedContext, new object[] { path })!;
        }

        private static Assembly? ResolveOnFramework(object? sender, ResolveEventArgs args)
        {
            var path = PathOf(new AssemblyName(args.Name));
            return path == null ? null : Assembly.LoadFrom(path);
        }

        private static string? PathOf(AssemblyName name)
        {
            if (string.IsNullOrEmpty(name.Name)) return null;
            var path = Path.Combine(DependencyDirectory, name.Name + ".dll");
            return File.Exists(path) ? path : null;
        }
    }
}
