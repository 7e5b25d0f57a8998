using System.Text.RegularExpressions;
using Dintero.Connections.Tests.Support;

namespace Dintero.Connections.Tests.Help;

/// <summary>
/// The PowerShell examples of the README and the guides (which the Pester suite runs against the emulator) and of the
/// help pages call only cmdlets and parameters the module has, and the documents name no cmdlet it lacks. Checked here
/// too, so a renamed parameter fails CI even where pwsh is absent.
/// </summary>
public sealed partial class ReadmeExampleTests
{
    private static readonly string[] CommonParameters =
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ErrorVariable", "WarningVariable",
        "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
    };

    [GeneratedRegex(@"\b((?:Connect|Disconnect|Get|New|Set)-Dintero\w*)((?:[^|\n;)}]|\n\s+-)*)")]
    private static partial Regex Call();

    [GeneratedRegex(@"(?<![\w$])-([A-Za-z]+)")]
    private static partial Regex ParameterName();

    [GeneratedRegex(@"\(([^()]*)\)")]
    private static partial Regex InnermostGroup();

    // "Connect-Dintero -Credential (Get-Credential -UserName x)": the group is its own command, checked on its own.
    private static IEnumerable<string> Snippets(string code)
    {
        var snippets = new List<string>();
        for (var match = InnermostGroup().Match(code); match.Success; match = InnermostGroup().Match(code))
        {
            snippets.Add(match.Groups[1].Value);
            code = code.Remove(match.Index, match.Length).Insert(match.Index, " $group ");
        }
        snippets.Add(code);
        return snippets;
    }

    // A wildcard or a placeholder (New-Dintero*Connection, New-Dintero<Kind>Connection) names a family, not a cmdlet; a
    // name with .ps1 (tools/Test-DinteroReadings.ps1) is a script of the repository's.
    [GeneratedRegex(@"\b[A-Z][a-z]+-Dintero\w*(?![<*\w-]|\.ps1)")]
    private static partial Regex CmdletName();

    [GeneratedRegex(@"^```bash\n(.*?)\n```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex BashBlock();

    public static TheoryData<string> Documents() =>
        new(Repository.Documents().Concat(Directory.GetFiles(Repository.Docs, "*.md").Select(path => "docs/" + Path.GetFileName(path))));

    // The README and the guides name cmdlets in their prose too ("Wait-DinteroConnection reads each connection"): a
    // cmdlet renamed or dropped leaves no name behind that a reader would type in vain.
    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_cmdlet_a_document_names_is_one_the_module_exports(string document)
    {
        var exported = new ManifestFile(Repository.Manifest).List("CmdletsToExport").ToHashSet(StringComparer.Ordinal);
        var named = CmdletName().Matches(MarkdownText.Read(document)).Select(m => m.Value).Distinct().ToList();

        Assert.All(named, name => Assert.True(exported.Contains(name), $"{document} names {name}, which the manifest does not export."));
    }

    // .ci/run runs exactly the test command the README gives: a change to one that is not made to the other fails here.
    [Fact]
    public void The_README_gives_the_test_command_that_CI_runs()
    {
        var readme = MarkdownText.Read("README.md");
        var section = readme[readme.IndexOf("\n## Run the tests\n", StringComparison.Ordinal)..];
        var command = BashBlock().Match(section).Groups[1].Value.Trim();
        var ci = File.ReadAllLines(Path.Combine(Repository.Root, ".ci", "run")).Select(line => line.Trim());

        Assert.StartsWith("dotnet test ", command);
        Assert.Contains(ci, line => line == command || line.StartsWith(command + " ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_cmdlet_and_parameter_in_the_examples_exists(string document)
    {
        var examples = MarkdownText.PowerShellBlocks(MarkdownText.Read(document));
        var cmdlets = StagedModule.Cmdlets.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        foreach (Match call in examples.SelectMany(Snippets).SelectMany(snippet => Call().Matches(snippet)))
        {
            var name = call.Groups[1].Value;
            Assert.True(cmdlets.TryGetValue(name, out var cmdlet), $"{document} calls {name}, which the module does not have.");
            var known = cmdlet!.ParameterNames.Concat(cmdlet.Parameters.SelectMany(p => p.Aliases)).Concat(CommonParameters).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (Match parameter in ParameterName().Matches(call.Groups[2].Value))
            {
                Assert.True(known.Contains(parameter.Groups[1].Value), $"{document} passes -{parameter.Groups[1].Value} to {name}, which has no such parameter.");
            }
        }
    }
}
