using System.Management.Automation;

namespace Dintero.Connections.Loading
{
    /// <summary>
    /// PowerShell calls <see cref="OnImport"/> when the module is imported, after it has listed the cmdlets and before
    /// any runs; <see cref="OnRemove"/> on Remove-Module, so nothing of the module stays hooked into the process.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport() => DependencyLoader.Register();

        public void OnRemove(PSModuleInfo psModuleInfo) => DependencyLoader.Unregister();
    }
}
