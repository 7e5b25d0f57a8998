using System.Text.Json.Nodes;

namespace Dintero.Emulator.Endpoints;

/// <summary>
/// Dintero's list paging, as its collections document it: <c>limit</c> 1 to 100 (10 when not given) and
/// <c>starting_after</c>, the id of the last object seen; the answer is a plain array.
/// </summary>
internal static class CursorPage
{
    /// <summary>The page of <paramref name="items"/> the query asks for, or the 400 a bad limit gets.</summary>
    public static IResult Of<T>(IQueryCollection query, IReadOnlyList<T> items, Func<T, string, bool> isCursor, Func<T, JsonNode> json)
    {
        var limit = 10;
        if (query.TryGetValue("limit", out var limitText) && (!int.TryParse(limitText, out limit) || limit < 1 || limit > 100))
        {
            return ErrorBodies.Error(400, "INVALID_REQUEST", "The request is invalid", new[] { new FieldError("limit", "should be from 1 to 100", "range") });
        }
        var start = 0;
        if (query.TryGetValue("starting_after", out var after) && after.ToString().Length > 0)
        {
            var at = items.Select((item, index) => (item, index)).FirstOrDefault(pair => isCursor(pair.item, after.ToString()), (default!, -1)).Item2;
            start = at < 0 ? items.Count : at + 1;
        }
        var page = new JsonArray(items.Skip(start).Take(limit).Select(json).ToArray());
        return Results.Content(page.ToJsonString(EmulatorJson.Options), "application/json");
    }
}
