using System.Text.Json.Nodes;
using Dintero.Emulator.Auth;
using Dintero.Emulator.State;
using Dintero.Emulator.Validation;

namespace Dintero.Emulator.Endpoints;

/// <summary>
/// Dintero's approvals, as docs/openapi/dintero-approvals.yaml has them, under <c>/v1/accounts/{aid}/management/settings/approvals</c>:
/// <list type="bullet">
/// <item><c>payments</c>: POST applies for payments (the case, 200), GET lists them (<c>{"payments": [...]}</c>, filtered by
/// <c>case_status</c>).</item>
/// <item><c>payout-destinations</c>: POST applies for a seller, GET lists them (<c>{"payout_destinations": [...]}</c>, filtered
/// by <c>payout_destination_id</c> and <c>case_status</c>), <c>.../{id}</c> DELETE archives one (204).</item>
/// </list>
/// <c>case_status</c> is taken repeated (<c>?case_status=ACTIVE&amp;case_status=DECLINED</c>, the yaml's form) and comma-joined
/// alike. Scopes (the yaml's x-scopes): a GET needs admin:accounts or read:accounts (write:accounts reads too, as everywhere
/// in the emulator); a POST or DELETE admin:accounts, write:accounts or write:accounts:/management/settings/approvals.
/// A partner's merchant token from the exchange is taken as the merchant's own token is, with the partner's scopes: the
/// emulator's reading (UNCERTAIN: Dintero does not say whether a partner may apply for its merchants this way).
/// How a case's status moves, and the test values: State/ApprovalCase.
/// </summary>
internal static class ApprovalEndpoints
{
    private const string Route = "/accounts/{aid}/management/settings/approvals";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost(Route + "/payments", (HttpContext context, string aid, TokenIssuer tokens, ApprovalDesk desk) =>
            OpenAsync(ApprovalKind.Payment, context, aid, tokens, desk));
        api.MapGet(Route + "/payments", (HttpContext context, string aid, TokenIssuer tokens, ApprovalDesk desk) =>
            List(ApprovalKind.Payment, "payments", context, aid, tokens, desk));
        api.MapPost(Route + "/payout-destinations", (HttpContext context, string aid, TokenIssuer tokens, ApprovalDesk desk) =>
            OpenAsync(ApprovalKind.Seller, context, aid, tokens, desk));
        api.MapGet(Route + "/payout-destinations", (HttpContext context, string aid, TokenIssuer tokens, ApprovalDesk desk) =>
            List(ApprovalKind.Seller, "payout_destinations", context, aid, tokens, desk));
        api.MapDelete(Route + "/payout-destinations/{id}", (HttpContext context, string aid, string id, TokenIssuer tokens, ApprovalDesk desk) =>
            Archive(context, aid, id, tokens, desk));
    }

    private static IResult? Refused(HttpContext context, string aid, TokenIssuer tokens) => Guard.Check(context, aid, tokens, Scopes.Accounts, Scopes.ApprovalsPath);

    private static async Task<IResult> OpenAsync(ApprovalKind kind, HttpContext context, string aid, TokenIssuer tokens, ApprovalDesk desk)
    {
        if (Refused(context, aid, tokens) is { } refused) return refused;
        var body = await JsonBody.ReadObjectAsync(context);
        if (body == null) return JsonBody.NotAnObject();
        var (errors, kept) = kind == ApprovalKind.Payment ? ApprovalRules.PaymentApproval(body) : ApprovalRules.SellerApproval(body);
        if (errors.Count > 0) return ErrorBodies.Error(400, "VALIDATION_ERROR", "The request is invalid", errors);
        var createdBy = tokens.ClientOf(Guard.Authorization(context)) ?? "unknown";
        var root = $"{context.Request.Scheme}://{context.Request.Host}";
        var (answer, takenBy) = desk.Open(kind, aid, kept, createdBy, id => $"{root}/_emulator/forms/{id}");
        if (answer == null)
        {
            // Not documented (the yaml's x-uncertain): the emulator refuses a second seller of one id while the first is not archived.
            return ErrorBodies.Error(400, "VALIDATION_ERROR", "The request is invalid", new[]
            {
                new FieldError("payout_destination_id", $"is in use by the approval {takenBy}, which is not archived", "unique"),
            });
        }
        return JsonBody.Json(answer);
    }

    private static IResult List(ApprovalKind kind, string member, HttpContext context, string aid, TokenIssuer tokens, ApprovalDesk desk)
    {
        if (Refused(context, aid, tokens) is { } refused) return refused;
        var query = context.Request.Query;
        var statuses = query["case_status"].SelectMany(value => (value ?? string.Empty).Split(',')).Select(value => value.Trim()).Where(value => value.Length > 0).ToList();
        var errors = statuses.Select((status, i) => (status, i)).Where(pair => !ApprovalCase.Statuses.Contains(pair.status))
            .Select(pair => new FieldError($"case_status[{pair.i}]", $"should be equal to one of the allowed values: {string.Join(", ", ApprovalCase.Statuses)}", "enum")).ToList();
        if (errors.Count > 0) return ErrorBodies.Error(400, "VALIDATION_ERROR", "The request is invalid", errors);
        var seller = kind == ApprovalKind.Seller && query.TryGetValue("payout_destination_id", out var given) ? given.ToString() : null;
        var cases = desk.List(aid, kind, body =>
            (statuses.Count == 0 || statuses.Contains(body["case_status"]!.GetValue<string>()))
            && (seller == null || body["payout_destination_id"]?.GetValue<string>() == seller));
        return JsonBody.Json(new JsonObject { [member] = new JsonArray(cases.Select(each => (JsonNode)each).ToArray()) });
    }

    private static IResult Archive(HttpContext context, string aid, string id, TokenIssuer tokens, ApprovalDesk desk)
    {
        if (Refused(context, aid, tokens) is { } refused) return refused;
        var errors = new List<FieldError>();
        if (!Guid.TryParseExact(id, "D", out _)) errors.Add(new("id", "should match format \"uuid\"", "format"));
        var deleteActive = false;
        if (context.Request.Query.TryGetValue("delete_active", out var flag) && !bool.TryParse(flag.ToString(), out deleteActive))
        {
            errors.Add(new("delete_active", "should be boolean", "type"));
        }
        if (errors.Count > 0) return ErrorBodies.Error(400, "VALIDATION_ERROR", "The request is invalid", errors);
        return desk.Archive(aid, id, deleteActive, tokens.ClientOf(Guard.Authorization(context)) ?? "unknown") switch
        {
            ApprovalDesk.ArchiveOutcome.Archived => Results.NoContent(),
            // The emulator's reading of "Delete active seller": an active seller is archived only when the request says so.
            ApprovalDesk.ArchiveOutcome.Active => ErrorBodies.Error(400, "PAYOUT_DESTINATION_ACTIVE", $"The seller approval {id} is ACTIVE; archive it with delete_active=true"),
            // Not documented: an archived case is not there to archive again.
            ApprovalDesk.ArchiveOutcome.AlreadyArchived => ErrorBodies.Error(404, "NOT_FOUND", $"The seller approval {id} is archived already"),
            _ => ErrorBodies.Error(404, "NOT_FOUND", $"The seller approval {id} was not found"),
        };
    }
}
