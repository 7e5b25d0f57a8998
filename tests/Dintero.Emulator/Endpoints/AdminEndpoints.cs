using Dintero.Emulator.Auth;
using Dintero.Emulator.Faults;

namespace Dintero.Emulator.Endpoints;

/// <summary>
/// The emulator's own controls under <c>/_emulator</c>, for scripts and tools outside the test process:
/// script faults, revoke tokens, read the request log.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(WebApplication app)
    {
        var admin = app.MapGroup("/_emulator");
        admin.MapPost("/faults", (Fault fault, FaultInjector faults) =>
        {
            faults.Add(fault);
            return Results.Json(fault);
        });
        admin.MapDelete("/faults", (FaultInjector faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        admin.MapPost("/revoke-tokens", (TokenIssuer tokens) => Results.Json(new { revoked = tokens.RevokeAll() }));
        admin.MapGet("/requests", (RequestLog log) => Results.Json(log.Entries));
        admin.MapDelete("/requests", (RequestLog log) =>
        {
            log.Clear();
            return Results.NoContent();
        });
    }
}
