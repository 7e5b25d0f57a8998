using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dintero.Emulator.Endpoints;

/// <summary>A request's JSON body, as the endpoints read it: an object, or null when it is none (Dintero answers 400).</summary>
internal static class JsonBody
{
    public static async Task<JsonObject?> ReadObjectAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static IResult NotAnObject() => ErrorBodies.Error(400, "INVALID_REQUEST", "The body is not a JSON object");

    public static IResult Json(JsonNode node, int status = 200) => Results.Content(node.ToJsonString(EmulatorJson.Options), "application/json", statusCode: status);

    /// <summary>The string at <paramref name="name"/>, or null when it is missing or no string.</summary>
    public static string? String(JsonObject body, string name) => body[name]?.GetValueKind() == JsonValueKind.String ? body[name]!.GetValue<string>() : null;
}
