using System.Xml.Linq;
using Dintero.Connections.HelpCompiler;
using Dintero.Connections.Tests.Support;

namespace Dintero.Connections.Tests.Help;

/// <summary>Every cmdlet has a help page that matches its parameters, and the module ships it as MAML.</summary>
public sealed class HelpTests
{
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static TheoryData<string> CmdletNames() => new(StagedModule.Cmdlets.Select(c => c.Name));

    private static CommandHelp Page(string name)
    {
        var path = Path.Combine(Repository.Docs, name + ".md");
        Assert.True(File.Exists(path), $"No help page docs/{name}.md");
        return MarkdownHelpReader.Read(File.ReadAllText(path));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void The_page_has_a_synopsis_a_description_and_examples_that_use_the_cmdlet(string name)
    {
        var page = Page(name);

        Assert.Equal(name, page.Name);
        Assert.False(string.IsNullOrWhiteSpace(page.Synopsis));
        Assert.False(string.IsNullOrWhiteSpace(page.Description));
        Assert.True(page.Examples.Count >= 2);
        Assert.All(page.Examples, example => Assert.False(string.IsNullOrWhiteSpace(example.Code), example.Title));
        Assert.All(page.Examples, example => Assert.Contains(name, example.Code));
        Assert.NotEmpty(page.Outputs);
    }

    /// <summary>
    /// What a page shows follows what the cmdlet takes: a cmdlet that takes input objects shows one from a hashtable and
    /// one from an Import-Csv sheet; one that takes pipeline input by property name shows it piped.
    /// </summary>
    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void The_examples_show_the_input_the_cmdlet_takes(string name)
    {
        var cmdlet = StagedModule.Cmdlets.Single(c => c.Name == name);
        var examples = Page(name).Examples;

        if (cmdlet.Parameters.Any(p => p.ValueFromPipeline && p.Property.PropertyType == typeof(object)))
        {
            Assert.Contains(examples, example => example.Code.Contains("@{"));
            Assert.Contains(examples, example => example.Code.Contains("Import-Csv"));
        }
        if (cmdlet.Parameters.Any(p => p.ValueFromPipeline || p.ValueFromPipelineByPropertyName))
        {
            Assert.Contains(examples, example => System.Text.RegularExpressions.Regex.IsMatch(example.Code, $@"\|\s*{name}\b"));
        }
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void The_page_documents_exactly_the_cmdlet_s_parameters_as_declared(string name)
    {
        var cmdlet = StagedModule.Cmdlets.Single(c => c.Name == name);
        var page = Page(name);
        var expected = cmdlet.ParameterNames.Concat(cmdlet.SupportsShouldProcess ? new[] { "WhatIf", "Confirm" } : Array.Empty<string>());

        Assert.Equal(expected.Order(), page.Parameters.Select(p => p.Name).Order());
        foreach (var declared in cmdlet.Parameters)
        {
            var documented = page.Parameters.Single(p => p.Name == declared.Name);
            var where = $"{name} -{declared.Name}";
            Assert.True(declared.Mandatory == documented.Required, $"{where}: Required");
            Assert.True((declared.Position?.ToString() ?? "Named") == documented.Position, $"{where}: Position");
            Assert.True(declared.Aliases.SequenceEqual(documented.Aliases), $"{where}: Aliases");
            Assert.True(declared.ValueFromPipeline == documented.PipelineInput.Contains("ByValue"), $"{where}: pipeline by value");
            Assert.True(declared.ValueFromPipelineByPropertyName == documented.PipelineInput.Contains("ByPropertyName"), $"{where}: pipeline by property name");
            Assert.True(declared.Property.PropertyType.Name.TrimEnd('[', ']') == documented.Type.TrimEnd('[', ']').Split('.').Last()
                || Nullable.GetUnderlyingType(declared.Property.PropertyType)?.Name == documented.Type, $"{where}: Type {declared.Property.PropertyType.Name} vs {documented.Type}");
            if (declared.ParameterSetName != ParameterMetadata.AllSets) Assert.Contains(declared.ParameterSetName, documented.ParameterSets);
        }
    }

    [Fact]
    public void Every_page_is_for_a_cmdlet_of_the_module()
    {
        var pages = Directory.GetFiles(Repository.Docs, "*-*.md").Select(Path.GetFileNameWithoutExtension);

        Assert.Equal(StagedModule.Cmdlets.Select(c => c.Name).Order(), pages.Order());
        Assert.True(File.Exists(Path.Combine(Repository.Docs, "about_Dintero_Connections.md")));
    }

    [Fact]
    public void The_shipped_MAML_holds_every_cmdlet_with_its_examples_and_parameters()
    {
        var maml = XDocument.Load(Path.Combine(Repository.StagedModule, "en-US", "Dintero.Connections.dll-Help.xml"));
        var commands = maml.Root!.Elements(Command + "command").ToDictionary(c => c.Element(Command + "details")!.Element(Command + "name")!.Value);

        Assert.Equal("http://msh", maml.Root.Name.NamespaceName);
        foreach (var cmdlet in StagedModule.Cmdlets)
        {
            var command = commands[cmdlet.Name];
            Assert.Equal(cmdlet.Verb, command.Element(Command + "details")!.Element(Command + "verb")!.Value);
            var examples = command.Element(Command + "examples")!.Elements(Command + "example").ToList();
            Assert.True(examples.Count >= 2, cmdlet.Name);
            Assert.All(examples, e => Assert.False(string.IsNullOrWhiteSpace(e.Element(Dev + "code")!.Value)));
            var parameters = command.Element(Command + "parameters")!.Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value);
            Assert.Superset(cmdlet.ParameterNames.ToHashSet(), parameters.ToHashSet());
            Assert.NotEmpty(command.Element(Command + "syntax")!.Elements(Command + "syntaxItem"));
        }
    }

    [Fact]
    public void Syntax_items_follow_the_parameter_sets()
    {
        var help = MarkdownHelpReader.Read(File.ReadAllText(Path.Combine(Repository.Docs, "Connect-Dintero.md")));
        var maml = MamlWriter.Write(new[] { help });

        var items = maml.Descendants(Command + "syntaxItem")
            .Select(item => item.Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value).ToList())
            .ToList();

        Assert.Equal(new[] { "Environment", "ClientSecret", "Credential" }, help.ParameterSets);
        Assert.Equal(3, items.Count);
        Assert.DoesNotContain("ClientId", items[0]);
        Assert.Contains("ClientId", items[1]);
        Assert.Contains("Credential", items[2]);
        Assert.All(items, item => Assert.Contains("AccountId", item));
    }

    [Fact]
    public void The_about_topic_is_plain_text()
    {
        var text = File.ReadAllText(Path.Combine(Repository.StagedModule, "en-US", "about_Dintero_Connections.help.txt"));

        Assert.StartsWith("ABOUT_DINTERO_CONNECTIONS", text);
        Assert.Contains("SHORT DESCRIPTION", text);
        Assert.DoesNotContain("##", text);
        Assert.DoesNotContain("`", text);
    }
}
