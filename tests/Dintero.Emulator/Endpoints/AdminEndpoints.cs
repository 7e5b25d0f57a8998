using Dintero.Emulator.Auth;
using Dintero.Emulator.Faults;
using Dintero.Emulator.State;

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
        // Moves a connection as Dintero would once the merchant signs (enabled) or the provider refuses (failed, declined).
        admin.MapPost("/accounts/{aid}/connections/{kind}/status", (string aid, string kind, StatusChange change, AccountStore store, EmulatorOptions options) =>
        {
            if (!ConnectionLifecycle.Statuses.Contains(change.Status)) return Results.BadRequest(new { error = $"status must be one of {string.Join(", ", ConnectionLifecycle.Statuses)}" });
            var account = store.Get(aid);
            lock (account.Gate)
            {
                if (!account.Connections.TryGetValue(kind, out var connection)) return Results.NotFound(new { error = $"{aid} has no {kind} connection" });
                ConnectionLifecycle.Move(kind, connection, change.Status, change.Event, change.Description, options.Clock.GetUtcNow());
                return Results.Content(connection.ToJsonString(EmulatorJson.Options), "application/json");
            }
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

/// <summary>The body of /_emulator/accounts/{aid}/connections/{kind}/status.</summary>
internal sealed record StatusChange(string Status, string? Event = null, string? Description = null);
