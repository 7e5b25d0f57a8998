using System.Text.Json.Nodes;

namespace Dintero.Connections.Engine.Tests.Support;

/// <summary>The JSON bodies of the reference pages in ../shared/dintero-api/seeds.</summary>
public static class Seeds
{
    public const string CommonPage = "000_f87c5ab5a9ad9587.txt";
    public const string BamboraPage = "002_9e34afe659910d7d.txt";

    /// <summary>The repository's root folder (where Dintero.Connections.sln is).</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Dintero.Connections.sln"))) return dir.FullName;
            }
            throw new DirectoryNotFoundException("Cannot find the repository root above " + AppContext.BaseDirectory);
        }
    }

    public static string Folder
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("DINTERO_API_SEEDS");
            if (!string.IsNullOrEmpty(configured)) return configured;
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Dintero.Connections.sln")))
                {
                    return Path.Combine(dir.Parent!.FullName, "shared", "dintero-api", "seeds");
                }
            }
            throw new DirectoryNotFoundException("Cannot find the repository root; set DINTERO_API_SEEDS to the seeds folder.");
        }
    }

    /// <summary>Every top-level JSON object in a page, in page order: request and response examples.</summary>
    public static IReadOnlyList<string> JsonBodies(string page)
    {
        var text = File.ReadAllText(Path.Combine(Folder, page));
        var bodies = new List<string>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '{') continue;
            var end = MatchingBrace(text, i);
            if (end < 0) continue;
            var candidate = text.Substring(i, end - i + 1);
            try
            {
                if (JsonNode.Parse(candidate) is JsonObject) bodies.Add(candidate);
                i = end;
            }
            catch (System.Text.Json.JsonException)
            {
                // A brace in prose, not JSON: go on from the next character.
            }
        }
        return bodies;
    }

    /// <summary>The seed bodies that are requests (only a "signup" at the root) or answers.</summary>
    public static IEnumerable<string> Requests(string page) => JsonBodies(page).Where(IsRequest);

    public static IEnumerable<string> Responses(string page) => JsonBodies(page).Where(body => !IsRequest(body));

    private static bool IsRequest(string body) => JsonNode.Parse(body)!.AsObject().Select(p => p.Key).SequenceEqual(new[] { "signup" });

    private static int MatchingBrace(string text, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            }
            else if (c == '"') inString = true;
            else if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return i;
        }
        return -1;
    }
}
