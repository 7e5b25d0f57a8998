using System.Reflection;

namespace Dintero.Connections.Http
{
    /// <summary>The engine's version, as sent in <c>User-Agent: Dintero.Connections/&lt;version&gt;</c>.</summary>
    public static class ModuleVersion
    {
        public static readonly string Current = Read();

        public static string UserAgent => "Dintero.Connections/" + Current;

        private static string Read()
        {
            var informational = typeof(ModuleVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            // The SDK appends "+<commit>" to the informational version; the product token wants the version alone.
            return informational?.Split('+')[0] ?? typeof(ModuleVersion).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        }
    }
}
