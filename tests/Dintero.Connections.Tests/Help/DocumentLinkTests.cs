using System.Text.RegularExpressions;
using Dintero.Connections.Tests.Support;

namespace Dintero.Connections.Tests.Help;

/// <summary>
/// The README and the guides send a reader from one to another: every relative link reaches a document and a heading
/// that exist, among the documents that ship with the module (README.md and docs/guides/, laid out as here), so the
/// links hold in an installed module too; and no guide is left where neither the README nor the about topic leads.
/// </summary>
public sealed partial class DocumentLinkTests
{
    [GeneratedRegex(@"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^#{1,6}\s+(.+?)\s*$")]
    private static partial Regex Heading();

    // GitHub's anchors: lower case, punctuation dropped (letters, digits, '_', '-' and spaces stay), spaces as '-'.
    [GeneratedRegex(@"[^\p{L}\p{Mn}\p{Nd}\p{Pc} -]")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"docs/guides/[\w-]+\.md")]
    private static partial Regex GuidePath();

    public static TheoryData<string> Documents() => new(Repository.Documents());

    // A link's text may wrap onto the next line, and so may a code span, in which a link is no link.
    private static IEnumerable<string> Links(string document) =>
        Link().Matches(InlineCode().Replace(string.Join("\n", MarkdownText.ProseLines(MarkdownText.Read(document))), string.Empty))
            .Select(match => match.Groups[1].Value)
            .Where(target => !Regex.IsMatch(target, "^[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase));

    private static string Resolve(string document, string path)
    {
        if (path.Length == 0) return document;
        var full = Path.GetFullPath(Path.Combine(Repository.Root, Path.GetDirectoryName(document)!, Uri.UnescapeDataString(path)));
        return Path.GetRelativePath(Repository.Root, full).Replace('\\', '/');
    }

    private static HashSet<string> Anchors(string document)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in MarkdownText.ProseLines(MarkdownText.Read(document)))
        {
            var heading = Heading().Match(line);
            if (!heading.Success) continue;
            var slug = Punctuation().Replace(heading.Groups[1].Value.ToLowerInvariant(), string.Empty).Replace(' ', '-');
            var anchor = slug;
            for (var n = 1; !anchors.Add(anchor); n++) anchor = $"{slug}-{n}";
        }
        return anchors;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_relative_link_reaches_a_document_that_ships_and_a_heading_it_has(string document)
    {
        var documents = Repository.Documents();
        foreach (var target in Links(document))
        {
            var hash = target.IndexOf('#');
            var (path, anchor) = hash < 0 ? (target, null) : (target[..hash], target[(hash + 1)..]);
            var resolved = Resolve(document, path);
            Assert.True(documents.Contains(resolved), $"{document} links to {target}: {resolved} is not the README or a guide, so the link breaks where the module is installed.");
            if (anchor != null) Assert.True(Anchors(resolved).Contains(anchor), $"{document} links to {target}: {resolved} has no heading whose anchor is #{anchor}.");
        }
    }

    [Fact]
    public void Every_guide_is_linked_from_the_README_and_named_in_the_about_topic()
    {
        var guides = Repository.Documents().Where(document => document != "README.md").ToList();
        var linked = Links("README.md").Select(target => Resolve("README.md", target.Split('#')[0])).ToHashSet();
        var named = GuidePath().Matches(MarkdownText.Read("docs/about_Dintero_Connections.md")).Select(m => m.Value).ToHashSet();

        Assert.NotEmpty(guides);
        Assert.All(guides, guide => Assert.True(linked.Contains(guide), $"The README does not link to {guide}."));
        Assert.Equal(guides.Order(StringComparer.Ordinal), named.Order(StringComparer.Ordinal));
    }
}
