namespace Dintero.Connections.HelpCompiler;

/// <summary>One cmdlet's help page, as read from docs/&lt;Cmdlet&gt;.md.</summary>
internal sealed record CommandHelp(
    string Name,
    string Synopsis,
    string Description,
    IReadOnlyList<string> ParameterSets,
    IReadOnlyList<ParameterHelp> Parameters,
    IReadOnlyList<ExampleHelp> Examples,
    IReadOnlyList<TypeHelp> Inputs,
    IReadOnlyList<TypeHelp> Outputs,
    string Notes,
    IReadOnlyList<string> RelatedLinks)
{
    public string Verb => Name.Split('-')[0];

    public string Noun => Name.Split('-', 2)[1];
}

internal sealed record ParameterHelp(
    string Name,
    string Description,
    string Type,
    IReadOnlyList<string> ParameterSets,
    IReadOnlyList<string> Aliases,
    bool Required,
    string Position,
    string DefaultValue,
    string PipelineInput)
{
    public bool InAllSets => ParameterSets.Count == 1 && ParameterSets[0] == "(All)";

    public bool IsSwitch => Type.EndsWith("SwitchParameter", StringComparison.Ordinal);
}

internal sealed record ExampleHelp(string Title, string Code, string Remarks);

internal sealed record TypeHelp(string Name, string Description);
