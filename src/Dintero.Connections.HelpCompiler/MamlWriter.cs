using System.Xml.Linq;

namespace Dintero.Connections.HelpCompiler;

/// <summary>Writes cmdlet help as MAML, the XML that Get-Help reads from &lt;Assembly&gt;.dll-Help.xml.</summary>
internal static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static XDocument Write(IEnumerable<CommandHelp> commands) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems", new XAttribute("schema", "maml"),
                new XAttribute(XNamespace.Xmlns + "maml", Maml),
                new XAttribute(XNamespace.Xmlns + "command", Command),
                new XAttribute(XNamespace.Xmlns + "dev", Dev),
                commands.Select(CommandElement)));

    private static XElement CommandElement(CommandHelp help) =>
        new(Command + "command",
            new XElement(Command + "details",
                new XElement(Command + "name", help.Name),
                new XElement(Command + "verb", help.Verb),
                new XElement(Command + "noun", help.Noun),
                Description(help.Synopsis)),
            Description(help.Description),
            new XElement(Command + "syntax", SyntaxItems(help)),
            new XElement(Command + "parameters", help.Parameters.Select(Parameter)),
            new XElement(Command + "inputTypes", help.Inputs.Select(type => TypeElement("inputType", type))),
            new XElement(Command + "returnValues", help.Outputs.Select(type => TypeElement("returnValue", type))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paragraphs(help.Notes))),
            new XElement(Command + "examples", help.Examples.Select((example, index) => new XElement(Command + "example",
                new XElement(Maml + "title", $"-------------------------- {example.Title} --------------------------"),
                new XElement(Dev + "code", example.Code),
                new XElement(Dev + "remarks", Paragraphs(example.Remarks))))),
            new XElement(Command + "relatedLinks", help.RelatedLinks.Select(link => new XElement(Maml + "navigationLink",
                new XElement(Maml + "linkText", link),
                new XElement(Maml + "uri")))));

    private static IEnumerable<XElement> SyntaxItems(CommandHelp help)
    {
        var sets = help.ParameterSets.Count > 0 ? help.ParameterSets : new[] { "(All)" };
        foreach (var set in sets)
        {
            var members = help.Parameters.Where(parameter => parameter.InAllSets || parameter.ParameterSets.Contains(set));
            yield return new XElement(Command + "syntaxItem", new XElement(Maml + "name", help.Name), members.Select(Parameter));
        }
    }

    private static XElement Parameter(ParameterHelp parameter)
    {
        var typeName = parameter.Type.Split('.').Last();
        return new XElement(Command + "parameter",
            new XAttribute("required", parameter.Required ? "true" : "false"),
            new XAttribute("variableLength", "true"),
            new XAttribute("globbing", "false"),
            new XAttribute("pipelineInput", parameter.PipelineInput),
            new XAttribute("position", parameter.Position.ToLowerInvariant() == "named" ? "named" : parameter.Position),
            new XAttribute("aliases", parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases)),
            new XElement(Maml + "name", parameter.Name),
            Description(parameter.Description),
            parameter.IsSwitch ? null : new XElement(Command + "parameterValue", new XAttribute("required", "true"), new XAttribute("variableLength", "false"), typeName),
            new XElement(Dev + "type", new XElement(Maml + "name", parameter.Type), new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", parameter.DefaultValue));
    }

    private static XElement TypeElement(string element, TypeHelp type) =>
        new(Command + element,
            new XElement(Dev + "type", new XElement(Maml + "name", type.Name)),
            Description(type.Description));

    private static XElement Description(string text) => new(Maml + "description", Paragraphs(text));

    private static IEnumerable<XElement> Paragraphs(string text) =>
        text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(paragraph => new XElement(Maml + "para", paragraph.Replace('\n', ' ')));
}
