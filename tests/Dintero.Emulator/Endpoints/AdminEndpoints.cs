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
    private static object Accept(AccountStore store, AccountStore.Invitation invitation)
    {
        var body = invitation.Body;
        // Accepting is where the applicant accepts Dintero's terms: the account's applicant carries that agreement.
        var applicant = (body["applicant"] as System.Text.Json.Nodes.JsonObject)?.DeepClone() as System.Text.Json.Nodes.JsonObject ?? new System.Text.Json.Nodes.JsonObject();
        applicant["agreement"] = Agreement();
        var merchant = store.Join(invitation.PartnerId, applicant, body["company"] as System.Text.Json.Nodes.JsonObject, body["billing"] as System.Text.Json.Nodes.JsonObject);
        invitation.AcceptedAs = merchant.Id;
        return new { prefill_id = invitation.PrefillId, account_id = merchant.Id };
    }

    private static System.Text.Json.Nodes.JsonObject Agreement() => new() { ["name"] = "terms", ["version"] = "1", ["accepted_at"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'") };

    public static void Map(WebApplication app)
    {
        var admin = app.MapGroup("/_emulator");
        admin.MapPost("/faults", (Fault fault, FaultInjector faults) =>
        {
            faults.Add(fault);
            return Results.Json(fault);
        });
        admin.MapGet("/faults", (FaultInjector faults) => Results.Json(faults.All));
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
        // Sets an approval case's status (payment or seller, by its id) as Dintero's reviewers would: any of the closed list.
        admin.MapPost("/accounts/{aid}/approvals/{id}/status", (string aid, string id, StatusChange change, ApprovalDesk desk) =>
        {
            if (!ApprovalCase.Statuses.Contains(change.Status)) return Results.BadRequest(new { error = $"status must be one of {string.Join(", ", ApprovalCase.Statuses)}" });
            return desk.Set(aid, id, change.Status) is { } moved
                ? Results.Content(moved.ToJsonString(EmulatorJson.Options), "application/json")
                : Results.NotFound(new { error = $"{aid} has no approval {id}" });
        });
        // An approval's contract_url, where Dintero's signatory declares and signs: here a page that says which case it is
        // and how a test moves it instead.
        admin.MapGet("/forms/{id}", (string id, ApprovalDesk desk) =>
        {
            if (desk.Find(id) is not { } hit) return Results.NotFound(new { error = $"no approval {id}" });
            var page = $"<!doctype html><title>Dintero approval form (emulated)</title><p>Approval {hit.Case["id"]} of account {hit.AccountId}, case_status {hit.Case["case_status"]}. "
                + $"The emulator has no form to fill in: move the case with POST /_emulator/accounts/{hit.AccountId}/approvals/{hit.Case["id"]}/status.</p>";
            return Results.Content(page, "text/html");
        });
        // The stored connection, as the emulator holds it (credentials included: this is a test double).
        admin.MapGet("/accounts/{aid}/connections/{kind}", (string aid, string kind, AccountStore store) =>
        {
            var account = store.Get(aid);
            lock (account.Gate)
            {
                return account.Connections.TryGetValue(kind, out var connection)
                    ? Results.Content(connection.ToJsonString(EmulatorJson.Options), "application/json")
                    : Results.NotFound(new { error = $"{aid} has no {kind} connection" });
            }
        });
        // What Dintero holds of a company, set outside the API (Backoffice, an older form): the given fields merged into it,
        // whatever they hold (Dintero's schema types company.email and technical_email as plain text).
        admin.MapPost("/accounts/{aid}/company", async (HttpContext context, string aid, AccountStore store) =>
        {
            if (await System.Text.Json.Nodes.JsonNode.ParseAsync(context.Request.Body) is not System.Text.Json.Nodes.JsonObject fields) return Results.BadRequest(new { error = "give the company's fields as a JSON object" });
            var account = store.Get(aid);
            lock (account.Gate)
            {
                foreach (var (name, value) in fields) account.Company[name] = value?.DeepClone();
                return Results.Content(account.Company.ToJsonString(EmulatorJson.Options), "application/json");
            }
        });
        // An API client made at Dintero outside the API (in Backoffice), e.g. for a list a test pages through.
        admin.MapPost("/accounts/{aid}/clients", (string aid, AdminClient client, AccountStore store) =>
            Results.Content(store.AddApiClient(aid, client.ClientId, client.Name).ToJsonString(EmulatorJson.Options), "application/json"));
        // A manual clock (EmulatorOptions.ManualClockStart) moves only when a test says so, as the test's client clock does.
        admin.MapPost("/clock/advance", (ClockAdvance advance, EmulatorOptions options) =>
        {
            if (options.Clock is not AdjustableTimeProvider manual) return Results.Conflict(new { error = "the emulator runs on the system clock; start it with ManualClockStart" });
            manual.Advance(TimeSpan.FromMilliseconds(advance.Milliseconds));
            return Results.Json(new { now = manual.GetUtcNow() });
        });
        // Every token issued so far: tests scan their logs for them (a leak would show).
        admin.MapGet("/tokens", (TokenIssuer tokens) => Results.Json(tokens.Issued));
        admin.MapPost("/revoke-tokens", (TokenIssuer tokens) => Results.Json(new { revoked = tokens.RevokeAll() }));
        // The client is deleted at Dintero: its credentials are refused from now on, and its tokens revoked.
        admin.MapPost("/clients/{clientId}/revoke", (string clientId, TokenIssuer tokens) => Results.Json(new { revoked = tokens.RevokeClient(clientId) }));

        // What happens at Dintero's onboarding, outside the API: an applicant accepts a prefilled signup, or signs up
        // through the partner's link; either way a new merchant joins the partner, with the signup_reference given.
        admin.MapGet("/partners/{pid}/invitations", (string pid, AccountStore store) =>
            Results.Json(store.InvitationsOf(pid).Select(invitation => new { prefill_id = invitation.PrefillId, accepted_as = invitation.AcceptedAs, email = invitation.Body["applicant"]?["email"]?.ToString() })));
        admin.MapPost("/partners/{pid}/invitations/accept", (string pid, AccountStore store) =>
            Results.Json(store.InvitationsOf(pid).Where(invitation => invitation.AcceptedAs == null).Select(invitation => Accept(store, invitation)).ToList()));
        admin.MapPost("/partners/{pid}/invitations/{prefillId}/accept", (string pid, string prefillId, AccountStore store) =>
        {
            var invitation = store.FindInvitation(prefillId);
            if (invitation == null || invitation.PartnerId != pid) return Results.NotFound(new { error = $"{pid} has no invitation {prefillId}" });
            if (invitation.AcceptedAs != null) return Results.Conflict(new { error = $"accepted already, as {invitation.AcceptedAs}" });
            return Results.Json(Accept(store, invitation));
        });
        // The partner's merchants' ids, in the order they joined: what a bench reads to know its merchants without
        // paying for the API's paging (the admin routes take no latency).
        admin.MapGet("/partners/{pid}/merchant-ids", (string pid, EmulatorOptions options) =>
            Results.Json(options.Partners.TryGetValue(pid, out var merchants) ? merchants : new List<string>()));
        admin.MapPost("/partners/{pid}/merchants", (string pid, SelfSignup signup, AccountStore store) =>
        {
            var company = new System.Text.Json.Nodes.JsonObject
            {
                ["business_name"] = signup.BusinessName ?? "Self-signed Merchant AS",
                ["address"] = new System.Text.Json.Nodes.JsonObject { ["address_line"] = "Storgata 1", ["postal_code"] = "0155", ["postal_place"] = "Oslo", ["country"] = "NO" },
            };
            var applicant = new System.Text.Json.Nodes.JsonObject { ["email"] = signup.Email ?? "applicant@example.com", ["signup_reference"] = signup.SignupReference, ["agreement"] = Agreement() };
            var merchant = store.Join(pid, applicant, company, null);
            return Results.Json(new { account_id = merchant.Id });
        });
        // Every API client of every account, with how many grants each has: a client without one is an orphan.
        admin.MapGet("/api-clients", (AccountStore store, EmulatorOptions options) =>
            Results.Json(store.All.SelectMany(account =>
            {
                lock (account.Gate)
                {
                    return account.ApiClients.Select(client => new
                    {
                        account_id = account.Id,
                        id = client["id"]!.GetValue<string>(),
                        client_id = client["client_id"]!.GetValue<string>(),
                        name = client["name"]?.GetValue<string>(),
                        configured = options.Clients.ContainsKey(client["client_id"]!.GetValue<string>()),
                        grants = account.Grants.Count(grant => grant["client_id"]?.GetValue<string>() == client["id"]!.GetValue<string>()),
                    }).ToList();
                }
            })));
        // A receiver for webhook deliveries (Hooks/WebhookReceiver): what it got, and the URL to give a subscription.
        admin.MapPost("/receiver/{**rest}", (HttpContext context, string? rest, Hooks.WebhookReceiver receiver) => receiver.AcceptAsync(context, rest));
        admin.MapGet("/receiver", (Hooks.WebhookReceiver receiver) => Results.Json(receiver.All));
        admin.MapGet("/requests", (RequestLog log) => Results.Json(log.Entries));
        // What the emulator's own work came to, for tests that show a request's cost does not grow with the book: how many
        // merchants the partners' lists have examined (AccountStore.MerchantsExamined).
        admin.MapGet("/counters", (AccountStore store) => Results.Json(new { merchants_examined = store.MerchantsExamined }));
        admin.MapDelete("/requests", (RequestLog log) =>
        {
            log.Clear();
            return Results.NoContent();
        });
    }
}

/// <summary>The body of /_emulator/partners/{pid}/merchants: a merchant who signed up through the partner's onboarding link.</summary>
internal sealed record SelfSignup(
    [property: System.Text.Json.Serialization.JsonPropertyName("signup_reference")] string? SignupReference = null,
    [property: System.Text.Json.Serialization.JsonPropertyName("business_name")] string? BusinessName = null,
    [property: System.Text.Json.Serialization.JsonPropertyName("email")] string? Email = null);

/// <summary>The body of /_emulator/accounts/{aid}/clients.</summary>
internal sealed record AdminClient(
    [property: System.Text.Json.Serialization.JsonPropertyName("client_id")] string ClientId,
    [property: System.Text.Json.Serialization.JsonPropertyName("name")] string Name);

/// <summary>The body of /_emulator/clock/advance.</summary>
internal sealed record ClockAdvance([property: System.Text.Json.Serialization.JsonPropertyName("milliseconds")] double Milliseconds);

/// <summary>The body of /_emulator/accounts/{aid}/connections/{kind}/status.</summary>
internal sealed record StatusChange(string Status, string? Event = null, string? Description = null);
