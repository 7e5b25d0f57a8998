using System.Reflection;
using System.Runtime.Loader;

namespace Dintero.Connections.Tests.Support;

/// <summary>
/// The staged module assembly, loaded for inspection into a context that finds PowerShell's stub and the
/// module's Dependencies folder. Nothing from it is run but reflection over its metadata.
/// </summary>
public static class StagedModule
{
    private static readonly Lazy<Assembly> Loaded = new(Load);

    public static Assembly Assembly => Loaded.Value;

    /// <summary>The contracts assembly the module ships beside it: the models and errors users name.</summary>
    public static Assembly Contracts => Assembly.GetReferencedAssemblies().Where(name => name.Name == "Dintero.Connections.Contracts")
        .Select(name => AssemblyLoadContext.GetLoadContext(Assembly)!.LoadFromAssemblyName(name)).Single();

    /// <summary>The cmdlet classes: concrete types with a [Cmdlet] attribute.</summary>
    public static IReadOnlyList<CmdletMetadata> Cmdlets =>
        Assembly.GetTypes()
            .Where(type => !type.IsAbstract && type.CustomAttributes.Any(a => a.AttributeType.Name == "CmdletAttribute"))
            .Select(type => new CmdletMetadata(type))
            .OrderBy(cmdlet => cmdlet.Name, StringComparer.Ordinal)
            .ToList();

    private static Assembly Load()
    {
        Assert.True(File.Exists(Repository.StagedAssembly), $"The module is not staged at {Repository.StagedAssembly}; build src/Dintero.Connections first.");
        return new InspectionContext().LoadFromAssemblyPath(Repository.StagedAssembly);
    }

    private sealed class InspectionContext : AssemblyLoadContext
    {
        public InspectionContext() : base("Dintero.Connections.Inspection", isCollectible: false) { }

        protected override Assembly? Load(AssemblyName name)
        {
            if (name.Name == "System.Management.Automation") return LoadFromAssemblyPath(Repository.PowerShellStub);
            var beside = Path.Combine(Repository.StagedModule, name.Name + ".dll");
            if (File.Exists(beside)) return LoadFromAssemblyPath(beside);
            var dependency = Path.Combine(Repository.StagedModule, "Dependencies", name.Name + ".dll");
            return File.Exists(dependency) ? LoadFromAssemblyPath(dependency) : null;
        }
    }
}
