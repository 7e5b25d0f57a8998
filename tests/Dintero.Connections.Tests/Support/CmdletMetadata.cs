using System.Reflection;

namespace Dintero.Connections.Tests.Support;

/// <summary>What a cmdlet class declares, read from attribute metadata (no attribute is instantiated).</summary>
public sealed class CmdletMetadata
{
    public CmdletMetadata(Type type)
    {
        Type = type;
        var cmdlet = type.CustomAttributes.Single(a => a.AttributeType.Name == "CmdletAttribute");
        Verb = (string)cmdlet.ConstructorArguments[0].Value!;
        Noun = (string)cmdlet.ConstructorArguments[1].Value!;
        SupportsShouldProcess = Named(cmdlet, "SupportsShouldProcess") as bool? ?? false;
        DefaultParameterSetName = Named(cmdlet, "DefaultParameterSetName") as string;
        OutputTypes = type.CustomAttributes.Where(a => a.AttributeType.Name == "OutputTypeAttribute")
            .SelectMany(a => a.ConstructorArguments)
            .SelectMany(argument => argument.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : new[] { argument.Value })
            .OfType<Type>()
            .ToList();
        Parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .SelectMany(property => property.CustomAttributes.Where(a => a.AttributeType.Name == "ParameterAttribute").Select(a => new ParameterMetadata(property, a)))
            .ToList();
    }

    public Type Type { get; }

    public string Verb { get; }

    public string Noun { get; }

    public string Name => $"{Verb}-{Noun}";

    public bool SupportsShouldProcess { get; }

    public string? DefaultParameterSetName { get; }

    public IReadOnlyList<Type> OutputTypes { get; }

    /// <summary>One entry per [Parameter] attribute: a parameter in two sets appears twice.</summary>
    public IReadOnlyList<ParameterMetadata> Parameters { get; }

    public IEnumerable<string> ParameterNames => Parameters.Select(p => p.Name).Distinct();

    public override string ToString() => Name;

    internal static object? Named(CustomAttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(argument => argument.MemberName == name).TypedValue.Value;
}

public sealed class ParameterMetadata
{
    public const string AllSets = "__AllParameterSets";

    public ParameterMetadata(PropertyInfo property, CustomAttributeData attribute)
    {
        Property = property;
        ParameterSetName = CmdletMetadata.Named(attribute, "ParameterSetName") as string ?? AllSets;
        Mandatory = CmdletMetadata.Named(attribute, "Mandatory") as bool? ?? false;
        Position = CmdletMetadata.Named(attribute, "Position") as int?;
        ValueFromPipeline = CmdletMetadata.Named(attribute, "ValueFromPipeline") as bool? ?? false;
        ValueFromPipelineByPropertyName = CmdletMetadata.Named(attribute, "ValueFromPipelineByPropertyName") as bool? ?? false;
        Aliases = property.CustomAttributes.Where(a => a.AttributeType.Name == "AliasAttribute")
            .SelectMany(a => (IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!)
            .Select(a => (string)a.Value!)
            .ToList();
    }

    public PropertyInfo Property { get; }

    public string Name => Property.Name;

    public string ParameterSetName { get; }

    public bool Mandatory { get; }

    public int? Position { get; }

    public bool ValueFromPipeline { get; }

    public bool ValueFromPipelineByPropertyName { get; }

    public IReadOnlyList<string> Aliases { get; }
}
