using System.Text.Json.Nodes;

namespace Dintero.Connections.Engine.Tests.Support;

/// <summary>
/// The example bodies of Dintero's reference pages for the two endpoints the module covered first, kept in the
/// repository as fixtures (Support/Seeds, copied beside the tests): the Common signup's request and answer
/// (docs.dintero.com, management-auth-api, account-connections: aid_account_settings_connections_common_post) and the
/// Bambora signup's (aid_account_settings_connections_bambora_post). The values are Dintero's, as published; every
/// field must survive a round trip through the models.
/// </summary>
public static class Seeds
{
    public const string CommonPage = "common";
    public const string BamboraPage = "bambora";

    /// <summary>Where the build copied the fixtures: beside the test assembly, so no folder outside the repository is read.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Seeds");

    /// <summary>A page's bodies, in the page's order: the request example, then the answer.</summary>
    public static IReadOnlyList<string> JsonBodies(string page) =>
        new[] { $"{page}-signup.request.json", $"{page}-connection.answer.json" }
            .Select(file => File.ReadAllText(Path.Combine(Folder, file)))
            .ToList();

    /// <summary>The seed bodies that are requests (only a "signup" at the root) or answers.</summary>
    public static IEnumerable<string> Requests(string page) => JsonBodies(page).Where(IsRequest);

    public static IEnumerable<string> Responses(string page) => JsonBodies(page).Where(body => !IsRequest(body));

    private static bool IsRequest(string body) => JsonNode.Parse(body)!.AsObject().Select(p => p.Key).SequenceEqual(new[] { "signup" });
}
