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
        if (BadLimit(query, out var limit) is { } bad) return bad;
        var start = 0;
        if (StartingAfter(query) is { } after)
        {
            var at = items.Select((item, index) => (item, index)).FirstOrDefault(pair => isCursor(pair.item, after), (default!, -1)).Item2;
            start = at < 0 ? items.Count : at + 1;
        }
        return Json(items.Skip(start).Take(limit), json);
    }

    /// <summary>The query's <c>limit</c> (10 when not given), or null and the 400 a bad one gets: not a whole number from 1 to 100.</summary>
    public static IResult? BadLimit(IQueryCollection query, out int limit)
    {
        limit = 10;
        if (query.TryGetValue("limit", out var limitText) && (!int.TryParse(limitText, out limit) || limit < 1 || limit > 100))
        {
            return ErrorBodies.Error(400, "INVALID_REQUEST", "The request is invalid", new[] { new FieldError("limit", "should be from 1 to 100", "range") });
        }
        return null;
    }

    /// <summary>The query's <c>starting_after</c>; null when it is not given or empty.</summary>
    public static string? StartingAfter(IQueryCollection query) =>
        query.TryGetValue("starting_after", out var after) && after.ToString().Length > 0 ? after.ToString() : null;

    /// <summary>A page as Dintero answers it: a plain array.</summary>
    public static IResult Json<T>(IEnumerable<T> page, Func<T, JsonNode> json) =>
        Results.Content(new JsonArray(page.Select(json).ToArray()).ToJsonString(EmulatorJson.Options), "application/json");
}
