using System.Text;

namespace Dintero.Connections.HelpCompiler;

/// <summary>Turns docs/about_*.md into the plain-text about_*.help.txt that Get-Help about_... shows.</summary>
internal static class AboutTopicWriter
{
    public static string Write(string markdown)
    {
        var text = new StringBuilder();
        foreach (var line in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("```", StringComparison.Ordinal)) continue;
            var trimmed = line.TrimStart('#').Trim();
            if (line.StartsWith('#')) text.AppendLine(trimmed.ToUpperInvariant());
            else text.AppendLine(line.Length == 0 ? string.Empty : "    " + MarkdownHelpReader.Prose(line));
        }
        return text.ToString();
    }
}
