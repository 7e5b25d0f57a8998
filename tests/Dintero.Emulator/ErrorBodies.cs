using System.Text.Json.Nodes;

namespace Dintero.Emulator;

/// <summary>A field error as the emulator reports it inside Dintero's error body.</summary>
public sealed record FieldError(string Path, string Message, string Code);

/// <summary>Dintero's error body: <c>{"error": {"code", "message", "errors": [...]}}</c>.</summary>
public static class ErrorBodies
{
    public static IResult Error(int status, string code, string message, IEnumerable<FieldError>? errors = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (errors != null)
        {
            var array = new JsonArray();
            foreach (var field in errors)
            {
                array.Add(new JsonObject { ["path"] = field.Path, ["message"] = field.Message, ["code"] = field.Code });
            }
            error["errors"] = array;
        }
        return Results.Content(new JsonObject { ["error"] = error }.ToJsonString(EmulatorJson.Options), "application/json", statusCode: status);
    }

    public static IResult Unauthorized(string message) => Error(401, "UNAUTHORIZED", message);
}
