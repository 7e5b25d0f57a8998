using System.Text.RegularExpressions;

namespace Dintero.Connections.Tests.Support;

/// <summary>
/// What the tests read in a Markdown document of the repository: its PowerShell blocks (```powershell ones run in
/// Pester, tests/Readme.Tests.ps1; ```ps1 ones are illustrations), and the lines outside its fenced blocks, where its
/// headings and links are.
/// </summary>
public static partial class MarkdownText
{
    [GeneratedRegex(@"```powershell\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex RunnableBlock();

    [GeneratedRegex(@"```(?:powershell|ps1)\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex PowerShellBlock();

    /// <summary>A document by its path from the repository's root, with '\n' line ends.</summary>
    public static string Read(string document) => File.ReadAllText(Path.Combine(Repository.Root, document)).Replace("\r\n", "\n");

    public static IReadOnlyList<string> RunnableBlocks(string text) => RunnableBlock().Matches(text).Select(m => m.Groups[1].Value).ToList();

    public static IReadOnlyList<string> PowerShellBlocks(string text) => PowerShellBlock().Matches(text).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The lines outside fenced blocks: a '# comment' in a bash block is no heading, a link in code no link.</summary>
    public static IEnumerable<string> ProseLines(string text)
    {
        var inFence = false;
        foreach (var line in text.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) inFence = !inFence;
            else if (!inFence) yield return line;
        }
    }
}
