using System.Text.Json;
using System.Text.Json.Nodes;
using Dintero.Emulator.Auth;
using Dintero.Emulator.State;

namespace Dintero.Emulator.Endpoints;

/// <summary>
/// A partner's own routes: its merchants (<c>GET /v1/accounts/{pid}/management/accounts</c>, paged with <c>limit</c>
/// and <c>starting_after</c>, filtered with <c>search</c>, <c>connections</c>, <c>connection_status</c> and
/// <c>progression</c>; and one of them by id) and its invitations (<c>POST /v1/accounts/{pid}/signup/prefill</c>).
/// </summary>
internal static class PartnerEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/accounts/{pid}/management/accounts", (HttpContext context, string pid, TokenIssuer tokens, AccountStore store, EmulatorOptions options) =>
        {
            if (Guard.CheckPartner(context, pid, tokens) is { } refused) return refused;
            var query = context.Request.Query;
            var search = query["search"].ToString();
            var connections = query["connections"].Where(value => !string.IsNullOrEmpty(value)).Select(value => value!).ToHashSet(StringComparer.Ordinal);
            var statuses = query["connection_status"].Where(value => !string.IsNullOrEmpty(value)).Select(value => value!).ToHashSet(StringComparer.Ordinal);
            var progression = query["progression"].Where(value => !string.IsNullOrEmpty(value)).ToList();

            if (CursorPage.BadLimit(query, out var limit) is { } bad) return bad;
            // The emulator's merchants have no progression: a progression filter matches none of them.
            if (progression.Count > 0) return CursorPage.Json(Array.Empty<AccountStore.Account>(), merchant => AccountJson.Extended(merchant));

            // The page costs its length, whatever the partner's book holds: the merchants after the cursor (its id, a UUID,
            // or its account_id) in the order they joined, each one brought up to date (a pending connection turns enabled
            // after EnableAfter) before it is matched or answered. A filter examines only those it passes on its way.
            var filtered = search.Length > 0 || connections.Count > 0 || statuses.Count > 0;
            var page = store.MerchantPage(pid, CursorPage.StartingAfter(query), limit, filtered
                ? merchant =>
                {
                    ConnectionLifecycle.Advance(merchant, options);
                    return (search.Length == 0 || merchant.Id.Contains(search, StringComparison.OrdinalIgnoreCase)) && Matches(merchant, connections, statuses);
                }
                : null);
            if (!filtered)
            {
                foreach (var merchant in page) ConnectionLifecycle.Advance(merchant, options);
            }
            return CursorPage.Json(page, merchant => AccountJson.Extended(merchant));
        });

        api.MapGet("/accounts/{pid}/management/accounts/{aid}", (HttpContext context, string pid, string aid, TokenIssuer tokens, AccountStore store, EmulatorOptions options) =>
        {
            if (Guard.CheckPartner(context, pid, tokens) is { } refused) return refused;
            if (Guard.Malformed(aid) is { } malformed) return malformed;
            if (!store.IsMerchantOf(pid, aid)) return ErrorBodies.Error(404, "NOT_FOUND", $"The account {aid} is not a sub-account of partner {pid}.");
            var merchant = store.Get(aid);
            ConnectionLifecycle.Advance(merchant, options);
            return Results.Content(AccountJson.Extended(merchant).ToJsonString(EmulatorJson.Options), "application/json");
        });

        api.MapPost("/accounts/{pid}/signup/prefill", async (HttpContext context, string pid, TokenIssuer tokens, AccountStore store) =>
        {
            if (Guard.CheckPartner(context, pid, tokens) is { } refused) return refused;
            JsonNode? body;
            try
            {
                body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            }
            catch (JsonException)
            {
                return ErrorBodies.Error(400, "INVALID_REQUEST", "The body is not JSON");
            }
            if (body is not JsonObject invite) return ErrorBodies.Error(400, "INVALID_REQUEST", "The body is not a JSON object");
            var errors = new List<FieldError>();
            if (invite["applicant"]?["email"]?.GetValueKind() != JsonValueKind.String) errors.Add(new("applicant.email", "is required", "required"));
            Required(invite["company"], "company", errors);
            Required(invite["billing"], "billing", errors);
            if (errors.Count > 0) return ErrorBodies.Error(400, "VALIDATION_ERROR", "The request is invalid", errors);
            var invitation = store.Invite(pid, (JsonObject)invite.DeepClone());
            var answer = (JsonObject)invite.DeepClone();
            answer["prefill_id"] = invitation.PrefillId;
            return Results.Content(answer.ToJsonString(EmulatorJson.Options), "application/json");
        });

        api.MapGet("/accounts/{pid}/signup/prefill/{prefillId}", (HttpContext context, string pid, string prefillId, TokenIssuer tokens, AccountStore store) =>
        {
            if (Guard.CheckPartner(context, pid, tokens) is { } refused) return refused;
            var invitation = store.FindInvitation(prefillId);
            if (invitation == null || invitation.PartnerId != pid || invitation.AcceptedAs != null) return ErrorBodies.Error(404, "NOT_FOUND", $"No pending prefilled signup {prefillId}.");
            var answer = (JsonObject)invitation.Body.DeepClone();
            answer["prefill_id"] = invitation.PrefillId;
            return Results.Content(answer.ToJsonString(EmulatorJson.Options), "application/json");
        });
    }

    private static bool Matches(AccountStore.Account merchant, HashSet<string> connections, HashSet<string> statuses)
    {
        if (connections.Count == 0 && statuses.Count == 0) return true;
        lock (merchant.Gate)
        {
            return merchant.Connections.Any(pair =>
                (connections.Count == 0 || connections.Contains(pair.Key))
                && (statuses.Count == 0 || statuses.Contains(pair.Value["status"]?.GetValue<string>() ?? string.Empty)));
        }
    }

    // Dintero's AccountCompany and AccountBilling both require business_name and an address with these three.
    private static void Required(JsonNode? node, string path, List<FieldError> errors)
    {
        if (node is not JsonObject part)
        {
            errors.Add(new(path, "is required", "required"));
            return;
        }
        if (part["business_name"]?.GetValueKind() != JsonValueKind.String) errors.Add(new($"{path}.business_name", "is required", "required"));
        if (part["address"] is not JsonObject address)
        {
            errors.Add(new($"{path}.address", "is required", "required"));
            return;
        }
        foreach (var field in new[] { "address_line", "postal_place", "country" })
        {
            if (address[field]?.GetValueKind() != JsonValueKind.String) errors.Add(new($"{path}.address.{field}", "is required", "required"));
        }
    }
}
