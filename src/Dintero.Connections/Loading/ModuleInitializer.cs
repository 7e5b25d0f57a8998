using System.Management.Automation;

namespace Dintero.Connections.Loading
{
    /// <summary>PowerShell calls this when the module is imported, before any cmdlet runs.</summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        public void OnImport() => DependencyLoader.Register();
    }
}
