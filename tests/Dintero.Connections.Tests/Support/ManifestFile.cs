using System.Text.RegularExpressions;

namespace Dintero.Connections.Tests.Support;

/// <summary>
/// Reads the values this suite checks from the module manifest (a PowerShell data file) without PowerShell:
/// single-quoted strings and @( ) lists of them, by key.
/// </summary>
public sealed partial class ManifestFile
{
    private readonly string text;

    public ManifestFile(string path) => text = File.ReadAllText(path);

    [GeneratedRegex(@"'((?:[^']|'')*)'")]
    private static partial Regex Quoted();

    public string? Value(string key)
    {
        var match = Regex.Match(text, $@"(?m)^\s*{key}\s*=\s*'((?:[^']|'')*)'");
        return match.Success ? match.Groups[1].Value : null;
    }

    public IReadOnlyList<string> List(string key)
    {
        var match = Regex.Match(text, $@"(?ms)^\s*{key}\s*=\s*@\((.*?)\)");
        Assert.True(match.Success, $"The manifest has no list {key}.");
        return Quoted().Matches(match.Groups[1].Value).Select(m => m.Groups[1].Value).ToList();
    }

    public bool Contains(string fragment) => text.Contains(fragment, StringComparison.Ordinal);
}
