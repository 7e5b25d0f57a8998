using System.Text.RegularExpressions;
using Dintero.Connections.Tests.Support;

namespace Dintero.Connections.Tests.Errors;

/// <summary>
/// The module's ErrorIds live in one catalogue (src/Dintero.Connections.Contracts/Errors/ErrorIds.cs): no other source
/// file spells one, and the errors guide lists each with its meaning, as users read them.
/// </summary>
public sealed class ErrorIdCatalogueTests
{
    private static readonly string Catalogue = Path.Combine(Repository.Root, "src", "Dintero.Connections.Contracts", "Errors", "ErrorIds.cs");

    // "Dintero.X" in a string literal, where X is not the assembly family: an ErrorId, or a name that looks like one.
    private static readonly Regex Spelled = new("\"(Dintero\\.(?!Connections)[A-Z][A-Za-z]*(?:\\.[A-Za-z0-9{}]+)*\\.?)\"", RegexOptions.Compiled);

    // Names of that shape that are no ErrorId: the HTTP clients' names, a request option's key, the summary's tag.
    private static readonly string[] NotErrorIds = { "Dintero.Api", "Dintero.Token", "Dintero.RequestContext", "Dintero.Summary" };

    [Fact]
    public void No_source_file_but_the_catalogue_spells_an_ErrorId()
    {
        var spelled = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && file != Catalogue)
            .SelectMany(file => Spelled.Matches(File.ReadAllText(file)).Select(match => $"{Path.GetFileName(file)}: {match.Groups[1].Value}"))
            .Where(found => !NotErrorIds.Any(name => found.EndsWith(": " + name, StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(spelled);
        Assert.NotEmpty(Spelled.Matches(File.ReadAllText(Catalogue)));
    }

    [Fact]
    public void The_errors_guide_lists_every_ErrorId_of_the_catalogue_with_its_meaning()
    {
        var guide = File.ReadAllText(Path.Combine(Repository.Guides, "proxies-and-errors.md"));
        var listed = Regex.Matches(guide, @"^\| `(Dintero\.[^`]+)` \| (.+) \|$", RegexOptions.Multiline).ToDictionary(match => match.Groups[1].Value, match => match.Groups[2].Value);
        var catalogue = File.ReadAllText(Catalogue);
        var constants = Regex.Matches(catalogue, "public const string (\\w+) = \"([^\"]+)\";").Take(Regex.Matches(catalogue.Substring(0, catalogue.IndexOf("class Advice", StringComparison.Ordinal)), "public const string").Count)
            .ToDictionary(match => match.Groups[1].Value, match => match.Groups[2].Value);
        var meanings = Regex.Matches(catalogue, "Meaning\\((\\w+)(?: \\+ \"([^\"]*)\")?, \"((?:[^\"\\\\]|\\\\.)*)\"\\)")
            .ToDictionary(match => constants[match.Groups[1].Value] + match.Groups[2].Value, match => match.Groups[3].Value.Replace("\\\"", "\"", StringComparison.Ordinal));

        Assert.NotEmpty(meanings);
        Assert.Equal(meanings.Keys.OrderBy(id => id, StringComparer.Ordinal), listed.Keys.OrderBy(id => id, StringComparer.Ordinal));
        Assert.All(meanings, pair => Assert.Equal(pair.Value, listed[pair.Key]));
    }
}
