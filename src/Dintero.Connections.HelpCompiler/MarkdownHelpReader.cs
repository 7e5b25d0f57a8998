using System.Text.RegularExpressions;

namespace Dintero.Connections.HelpCompiler;

/// <summary>
/// Reads a cmdlet help page written in platyPS's markdown layout (## SYNOPSIS, ## SYNTAX, ## EXAMPLES with
/// ### titles and fenced code, ## PARAMETERS with a yaml block each, ## INPUTS, ## OUTPUTS, ## NOTES, ## RELATED LINKS).
/// </summary>
internal static partial class MarkdownHelpReader
{
    [GeneratedRegex(@"^```[a-zA-Z]*\s*$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex Link();

    public static CommandHelp Read(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n').ToList();
        if (lines.Count > 0 && lines[0].Trim() == "---")
        {
            var end = lines.FindIndex(1, line => line.Trim() == "---");
            lines = lines.Skip(end + 1).ToList();
        }
        var name = lines.First(line => line.StartsWith("# ", StringComparison.Ordinal))[2..].Trim();
        var sections = Split(lines, "## ");
        string Section(string title) => sections.TryGetValue(title, out var body) ? string.Join("\n", body).Trim() : string.Empty;

        return new CommandHelp(
            name,
            Prose(Section("SYNOPSIS")),
            Prose(Section("DESCRIPTION")),
            SetNames(sections.GetValueOrDefault("SYNTAX") ?? new List<string>()),
            Parameters(sections.GetValueOrDefault("PARAMETERS") ?? new List<string>()),
            Examples(sections.GetValueOrDefault("EXAMPLES") ?? new List<string>()),
            Types(sections.GetValueOrDefault("INPUTS") ?? new List<string>()),
            Types(sections.GetValueOrDefault("OUTPUTS") ?? new List<string>()),
            Prose(Section("NOTES")),
            (sections.GetValueOrDefault("RELATED LINKS") ?? new List<string>())
                .Select(line => Link().Match(line)).Where(match => match.Success).Select(match => match.Groups[1].Value).ToList());
    }

    private static Dictionary<string, List<string>> Split(IEnumerable<string> lines, string marker)
    {
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        var inFence = false;
        foreach (var line in lines)
        {
            if (Fence().IsMatch(line.Trim())) inFence = !inFence;
            if (!inFence && line.StartsWith(marker, StringComparison.Ordinal) && !line.StartsWith(marker + "#", StringComparison.Ordinal))
            {
                current = new List<string>();
                sections[line[marker.Length..].Trim()] = current;
            }
            else
            {
                current?.Add(line);
            }
        }
        return sections;
    }

    private static List<string> SetNames(List<string> syntax) =>
        Split(syntax, "### ").Keys.Select(title => title.Replace("(Default)", string.Empty).Trim()).ToList();

    private static List<ExampleHelp> Examples(List<string> body)
    {
        var examples = new List<ExampleHelp>();
        foreach (var (title, lines) in Split(body, "### "))
        {
            var (code, rest) = FirstFence(lines);
            examples.Add(new ExampleHelp(title, code, Prose(string.Join("\n", rest))));
        }
        return examples;
    }

    private static List<ParameterHelp> Parameters(List<string> body)
    {
        var parameters = new List<ParameterHelp>();
        foreach (var (title, lines) in Split(body, "### "))
        {
            if (!title.StartsWith('-')) continue; // CommonParameters
            var (yaml, rest) = FirstFence(lines);
            var description = Prose(string.Join("\n", lines.TakeWhile(line => !Fence().IsMatch(line.Trim()))));
            var fields = yaml.Split('\n')
                .Select(line => line.Split(':', 2))
                .Where(pair => pair.Length == 2)
                .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.Ordinal);
            string Field(string key, string fallback = "") => fields.TryGetValue(key, out var value) && value.Length > 0 ? value : fallback;
            parameters.Add(new ParameterHelp(
                title[1..],
                description,
                Field("Type", "Object"),
                List(Field("Parameter Sets", "(All)")),
                List(Field("Aliases")),
                string.Equals(Field("Required", "False"), "True", StringComparison.OrdinalIgnoreCase),
                Field("Position", "Named"),
                Field("Default value", "None"),
                Field("Accept pipeline input", "False")));
        }
        return parameters;
    }

    private static List<TypeHelp> Types(List<string> body) =>
        Split(body, "### ").Select(pair => new TypeHelp(pair.Key, Prose(string.Join("\n", pair.Value)))).ToList();

    private static (string Code, List<string> Remainder) FirstFence(List<string> lines)
    {
        var start = lines.FindIndex(line => Fence().IsMatch(line.Trim()));
        if (start < 0) return (string.Empty, lines);
        var end = lines.FindIndex(start + 1, line => line.Trim() == "```");
        if (end < 0) end = lines.Count;
        var code = string.Join("\n", lines.Skip(start + 1).Take(end - start - 1));
        return (code, lines.Skip(end + 1).ToList());
    }

    private static List<string> List(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>Markdown prose as plain text: links reduced to their text, backticks dropped, paragraphs kept.</summary>
    internal static string Prose(string text) => Link().Replace(text, "$1").Replace("`", string.Empty).Trim();
}
