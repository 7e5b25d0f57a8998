using System.Reflection;
using System.Runtime.Loader;
using Dintero.Connections.Tests.Support;

namespace Dintero.Connections.Tests.Loading;

/// <summary>
/// Import-Module, in PowerShell's order: PowerShell loads the module assembly from the module folder, lists its
/// exported types (<c>assembly.ExportedTypes</c>) and reads each cmdlet's parameters and attributes, and only then
/// calls <c>IModuleAssemblyInitializer.OnImport</c>, which installs the module's resolvers. Until then nothing can
/// find the engine in Dependencies/. A module whose public types need the engine cannot be imported at all.
/// </summary>
public sealed class LoadOrderTests
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>What PowerShell's context can find before OnImport: PowerShell itself, and the module's own folder.</summary>
    private sealed class PowerShellBeforeImport : AssemblyLoadContext
    {
        public PowerShellBeforeImport() : base("PowerShell before OnImport", isCollectible: false) { }

        protected override Assembly? Load(AssemblyName name)
        {
            if (name.Name == "System.Management.Automation") return LoadFromAssemblyPath(Repository.PowerShellStub);
            var beside = Path.Combine(Repository.StagedModule, name.Name + ".dll");
            return File.Exists(beside) ? LoadFromAssemblyPath(beside) : null;
        }
    }

    [Fact]
    public void The_module_imports_in_PowerShell_s_order_and_its_cmdlets_then_reach_the_engine()
    {
        var host = new PowerShellBeforeImport();
        var module = host.LoadFromAssemblyPath(Repository.StagedAssembly);

        // 1. List the exported types, as PowerShell's GetAssemblyTypes does.
        var exported = module.GetExportedTypes();
        var cmdlets = exported.Where(type => !type.IsAbstract && type.CustomAttributes.Any(a => a.AttributeType.Name == "CmdletAttribute")).ToList();
        Assert.Equal(StagedModule.Cmdlets.Count, cmdlets.Count);

        // 2. Build each cmdlet's parameter metadata: PowerShell reflects over the public instance properties (and
        //    fields) with their attributes, and over the class's attributes ([Cmdlet], [OutputType]).
        foreach (var cmdlet in cmdlets)
        {
            Touch(cmdlet.GetCustomAttributesData());
            foreach (var property in cmdlet.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.FlattenHierarchy))
            {
                Assert.NotNull(property.PropertyType);
                Touch(property.GetCustomAttributesData());
            }
            foreach (var field in cmdlet.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.FlattenHierarchy)) Assert.NotNull(field.FieldType);
        }
        Assert.DoesNotContain(host.Assemblies, assembly => assembly.GetName().Name == "Dintero.Connections.Engine");

        // 3. OnImport, as PowerShell calls it: a public type implementing IModuleAssemblyInitializer.
        var initializer = exported.Single(type => type.GetInterfaces().Any(i => i.Name == "IModuleAssemblyInitializer"));
        initializer.GetMethod("OnImport")!.Invoke(Activator.CreateInstance(initializer), null);

        // 4. A cmdlet's code path into the engine: serialize a model, build a client.
        var report = EngineProbe.Run(host, module);
        Assert.Equal("{\"currencies\":[\"NOK\"],\"type\":\"dintero.zero\"} https://api.dintero.com/v1/", report.Result);
        Assert.Equal("Dintero.Connections", report.EngineContext);
        Assert.Equal("PowerShell before OnImport", report.ContractsContext);
    }

    /// <summary>
    /// The rule that makes the test above pass, checked member by member so a failure names the member: no public
    /// type of the module assembly names an engine type in its base types, fields, properties or method signatures
    /// (the engine appears only inside method bodies). Before OnImport, naming one throws FileNotFoundException.
    /// </summary>
    [Fact]
    public void No_member_of_an_exported_type_names_an_engine_type()
    {
        var host = new PowerShellBeforeImport();
        var module = host.LoadFromAssemblyPath(Repository.StagedAssembly);
        var problems = new List<string>();

        foreach (var type in module.GetExportedTypes())
        {
            Check(problems, $"{type.Name} (base type and interfaces)", () => { _ = type.BaseType; _ = type.GetInterfaces(); });
            foreach (var member in type.GetMembers(Everything))
            {
                Check(problems, $"{type.Name}.{member.Name}", () =>
                {
                    switch (member)
                    {
                        case FieldInfo field: _ = field.FieldType; break;
                        case PropertyInfo property: _ = property.PropertyType; break;
                        case MethodBase method:
                            if (method is MethodInfo info) _ = info.ReturnType;
                            foreach (var parameter in method.GetParameters()) _ = parameter.ParameterType;
                            break;
                    }
                    Touch(member.GetCustomAttributesData());
                });
            }
        }

        Assert.Empty(problems);
    }

    private static void Check(List<string> problems, string what, Action touch)
    {
        try
        {
            touch();
        }
        catch (Exception exception) when (exception is FileNotFoundException or TypeLoadException)
        {
            problems.Add($"{what}: {exception.Message}");
        }
    }

    // Reading an attribute's arguments resolves the types it names, such as [ArgumentCompleter(typeof(...))].
    private static void Touch(IEnumerable<CustomAttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            _ = attribute.AttributeType;
            foreach (var argument in attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(n => n.TypedValue)))
            {
                _ = argument.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => m.Value).ToList() : argument.Value;
            }
        }
    }
}
