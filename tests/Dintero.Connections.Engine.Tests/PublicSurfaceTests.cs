using System.Reflection;
using Dintero.Connections.Http;

namespace Dintero.Connections.Engine.Tests;

/// <summary>
/// The engine's public surface uses plain .NET types only, so the module can load System.Text.Json and
/// Microsoft.Extensions.* in an isolated load context without their types crossing into PowerShell.
/// </summary>
public sealed class PublicSurfaceTests
{
    private static readonly string[] HiddenDependencies = { "System.Text.Json", "Microsoft.Extensions." };

    [Fact]
    public void No_public_signature_or_attribute_mentions_a_hidden_dependency()
    {
        var offenders = new List<string>();
        foreach (var type in typeof(DinteroApi).Assembly.GetExportedTypes().Concat(typeof(Dintero.Connections.Models.DinteroModel).Assembly.GetExportedTypes()))
        {
            Check(type.BaseType, $"{type} base type", offenders);
            foreach (var contract in type.GetInterfaces()) Check(contract, $"{type} interface", offenders);
            CheckAttributes(type, type.ToString(), offenders);
            foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                var where = $"{type}.{member.Name}";
                CheckAttributes(member, where, offenders);
                switch (member)
                {
                    case PropertyInfo property: Check(property.PropertyType, where, offenders); break;
                    case FieldInfo field: Check(field.FieldType, where, offenders); break;
                    case MethodBase method:
                        if (method is MethodInfo info) Check(info.ReturnType, where, offenders);
                        foreach (var parameter in method.GetParameters()) Check(parameter.ParameterType, where, offenders);
                        break;
                }
            }
        }
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void The_contracts_depend_on_nothing_but_the_standard_library()
    {
        // They load in PowerShell's own context, beside any other module: they must bring no dependency along.
        var references = typeof(Dintero.Connections.Models.DinteroModel).Assembly.GetReferencedAssemblies().Select(name => name.Name);

        Assert.Equal(new[] { "netstandard" }, references);
    }

    [Fact]
    public void The_engine_does_not_reference_PowerShell()
    {
        var references = typeof(DinteroApi).Assembly.GetReferencedAssemblies().Select(name => name.Name);

        Assert.DoesNotContain("System.Management.Automation", references);
    }

    private static void CheckAttributes(MemberInfo member, string where, List<string> offenders)
    {
        foreach (var attribute in member.CustomAttributes) Check(attribute.AttributeType, where + " attribute", offenders);
    }

    private static void Check(Type? type, string where, List<string> offenders)
    {
        if (type == null) return;
        if (type.HasElementType) Check(type.GetElementType(), where, offenders);
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments()) Check(argument, where, offenders);
        }
        var assembly = type.Assembly.GetName().Name ?? string.Empty;
        if (HiddenDependencies.Any(prefix => assembly.StartsWith(prefix, StringComparison.Ordinal)))
        {
            offenders.Add($"{where}: {type}");
        }
    }
}
