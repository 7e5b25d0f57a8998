using System.Text.RegularExpressions;
using Dintero.Connections.Tests.Support;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Dintero.Connections.Tests.Commands;

/// <summary>
/// The engine, the contracts and the cmdlets tell users what to run ("Remove-DinteroApiClient -AccountId ... -Id ...",
/// "check it with Get-DinteroConnection"): every such command is one the module exports, and every parameter written
/// right after it is one of that cmdlet's parameters or aliases. The strings are read from the staged assemblies as
/// compiled (each method's string literals, and the string constants), so that every literal counts however the source
/// spells it, and a renamed cmdlet or parameter that leaves a message behind fails here.
/// </summary>
public sealed partial class CommandNamesInMessagesTests
{
    private static readonly string[] CommonParameters =
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable", "WarningVariable",
        "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable",
    };

    private static readonly string[] Assemblies =
    {
        Path.Combine(Repository.StagedModule, "Dependencies", "Dintero.Connections.Engine.dll"),
        Path.Combine(Repository.StagedModule, "Dintero.Connections.Contracts.dll"),
        // The cmdlets' own messages, which name commands too.
        Path.Combine(Repository.StagedModule, "Dintero.Connections.dll"),
    };

    /// <summary>One command written in a string: the cmdlet's name and the parameters that follow it, with where it was found.</summary>
    public sealed record Reference(string Cmdlet, IReadOnlyList<string> Parameters, string Text);

    // A Verb-Dintero... name, not part of a longer word and not a wildcard (New-Dintero*Connection names a family).
    [GeneratedRegex(@"(?<![\w-])(?<cmdlet>[A-Z][a-z]+-Dintero[A-Za-z]*)(?![\w*-])")]
    private static partial Regex CmdletName();

    // A parameter right after the command (or after the previous parameter's value), then its value if it has one: a
    // placeholder ({0}), a quoted text or a bare word.
    [GeneratedRegex(@"\G\s+-(?<name>[A-Za-z]+)(?![\w-])(?:\s+(?:\{\d+\}|'[^']*'|""[^""]*""|[^\s\-'""{;|()][^\s;|()]*))?")]
    private static partial Regex FollowingParameter();

    /// <summary>Every command written in the text, each with the parameters written right after it.</summary>
    public static IEnumerable<Reference> ReferencesIn(string text)
    {
        foreach (Match name in CmdletName().Matches(text))
        {
            var parameters = new List<string>();
            var at = name.Index + name.Length;
            for (var next = FollowingParameter().Match(text, at); next.Success && next.Index == at; next = FollowingParameter().Match(text, at))
            {
                parameters.Add(next.Groups["name"].Value);
                at = next.Index + next.Length;
            }
            yield return new Reference(name.Groups["cmdlet"].Value, parameters, text.Substring(name.Index, Math.Min(at - name.Index + 40, text.Length - name.Index)));
        }
    }

    /// <summary>
    /// The assembly's string literals as compiled: each method's, in the order its code loads them, joined by a hole
    /// ({0}) where a value came between two (an interpolated $"... -AccountId {id} -Id {made.id}" compiles to pieces
    /// around its values), and every string constant.
    /// </summary>
    private static IReadOnlyList<string> TextsOf(string assembly)
    {
        Assert.True(File.Exists(assembly), $"{assembly} is not staged; build the solution first.");
        using var module = ModuleDefinition.ReadModule(assembly);
        var texts = new List<string>();
        foreach (var type in module.GetTypes())
        {
            texts.AddRange(type.Fields.Where(field => field.HasConstant).Select(field => field.Constant).OfType<string>());
            foreach (var method in type.Methods.Where(method => method.HasBody))
            {
                var literals = method.Body.Instructions.Where(instruction => instruction.OpCode == OpCodes.Ldstr).Select(instruction => (string)instruction.Operand).ToList();
                if (literals.Count > 0) texts.Add(string.Join("{0}", literals));
            }
        }
        return texts;
    }

    [Fact]
    public void Every_command_a_message_names_is_exported_and_takes_the_parameters_written_after_it()
    {
        var exported = new ManifestFile(Repository.Manifest).List("CmdletsToExport").ToHashSet(StringComparer.Ordinal);
        var cmdlets = StagedModule.Cmdlets.ToDictionary(cmdlet => cmdlet.Name, StringComparer.Ordinal);
        var strings = Assemblies.Select(TextsOf).ToList();
        var references = strings.SelectMany(each => each).SelectMany(ReferencesIn).ToList();
        // The scan read the assemblies, and they do name commands: an empty read cannot pass for a clean one.
        Assert.All(strings, Assert.NotEmpty);
        Assert.NotEmpty(references);

        var wrong = new List<string>();
        foreach (var reference in references)
        {
            if (!exported.Contains(reference.Cmdlet) || !cmdlets.TryGetValue(reference.Cmdlet, out var cmdlet))
            {
                wrong.Add($"{reference.Cmdlet} is no cmdlet of the module: \"{reference.Text}\"");
                continue;
            }
            var names = cmdlet.ParameterNames.Concat(cmdlet.Parameters.SelectMany(parameter => parameter.Aliases)).Concat(CommonParameters)
                .Concat(cmdlet.SupportsShouldProcess ? new[] { "WhatIf", "Confirm" } : Array.Empty<string>())
                .ToHashSet(StringComparer.Ordinal);
            wrong.AddRange(reference.Parameters.Where(parameter => !names.Contains(parameter))
                .Select(parameter => $"{reference.Cmdlet} has no parameter -{parameter}: \"{reference.Text}\""));
        }
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong.Distinct()));
    }

    [Theory]
    [InlineData("Remove it: Remove-DinteroApiClient -AccountId {0} -Id {1}; then run again.", "Remove-DinteroApiClient -AccountId -Id")]
    [InlineData("Look for it with Get-DinteroApiClient -AccountId {0} -Name '{1}' and remove one", "Get-DinteroApiClient -AccountId -Name")]
    [InlineData("Check the proxy (Get-DinteroContext shows it, from -Proxy), or Connect-Dintero -NoProxy to go directly.", "Get-DinteroContext | Connect-Dintero -NoProxy")]
    [InlineData("the output of the New-Dintero*Connection cmdlets, read with Get-DinteroConnection.", "Get-DinteroConnection")]
    [InlineData("connection: Wait-DinteroConnection -AccountId ", "Wait-DinteroConnection -AccountId")]
    public void A_command_is_read_with_the_parameters_written_right_after_it(string text, string expected)
    {
        var read = ReferencesIn(text).Select(reference => string.Join(" ", new[] { reference.Cmdlet }.Concat(reference.Parameters.Select(parameter => "-" + parameter))));

        Assert.Equal(expected, string.Join(" | ", read));
    }
}
