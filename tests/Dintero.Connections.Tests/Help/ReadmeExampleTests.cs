using System.Text.RegularExpressions;
using Dintero.Connections.Tests.Support;

namespace Dintero.Connections.Tests.Help;

/// <summary>
/// The PowerShell examples of the README (which the Pester suite runs against the emulator) and of the help
/// pages call only cmdlets and parameters the module has. Checked here too, so a renamed parameter fails CI
/// even where pwsh is absent.
/// </summary>
public sealed partial class ReadmeExampleTests
{
    private static readonly string[] CommonParameters =
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ErrorVariable", "WarningVariable",
        "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
    };

    [GeneratedRegex(@"```powershell\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex(@"```(?:powershell|ps1)\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex AnyPowerShellBlock();

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

    public static IReadOnlyList<string> Examples() =>
        Block().Matches(File.ReadAllText(Repository.Readme).Replace("\r\n", "\n")).Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public void The_README_has_PowerShell_examples_for_the_main_flows()
    {
        var all = string.Join("\n", Examples());

        Assert.Contains("Connect-Dintero", all);
        Assert.Contains("New-DinteroCommonConnection", all);
        Assert.Contains("New-DinteroBamboraConnection", all);
        Assert.Contains("Import-Csv", all);
        Assert.Contains("@{", all);
    }

    public static TheoryData<string> Documents() =>
        new(new[] { "README.md" }.Concat(Directory.GetFiles(Repository.Docs, "*.md").Select(path => "docs/" + Path.GetFileName(path))));

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_cmdlet_and_parameter_in_the_examples_exists(string document)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, document)).Replace("\r\n", "\n");
        var examples = AnyPowerShellBlock().Matches(text).Select(m => m.Groups[1].Value).ToList();
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
