using System.Text.Json;
using System.Text.Json.Nodes;
using Dintero.Emulator.Auth;
using Dintero.Emulator.Hooks;
using Dintero.Emulator.State;

namespace Dintero.Emulator.Endpoints;

/// <summary>
/// Webhook subscriptions, as docs/openapi/dintero-webhooks.yaml has them: <c>/v1/accounts/{aid}/hooks/subscriptions</c>
/// POST (a ping is delivered at once) and GET (paged), <c>.../{hid}</c> GET and DELETE, <c>.../{hid}/ping</c> POST (204),
/// <c>.../{hid}/deliveries</c> GET (newest first, paged) and <c>.../deliveries/{delivery_id}</c> GET (with the request,
/// the answer and the timing). Scopes: admin:hooks, or read:hooks to read. The secret is taken as the module reads
/// Dintero's documentation, <c>config.secret = {"type": "HMAC-SHA1", "value": "..."}</c> (uncertain: a plain string is the
/// other reading, and is refused here), and never answered: the subscription shows <c>config.secret.type</c> only.
/// </summary>
internal static class HookEndpoints
{
    /// <summary>The events Dintero's subscription schema lists (docs.dintero.com, Subscription details, 2026).</summary>
    public static readonly string[] Events =
    {
        "account_add", "account_update", "account_store_add", "account_store_update", "account_store_delete", "receipt_add", "receipt_update",
        "customer_add", "customer_update", "customer_delete", "customer_change_password", "token_add", "token_remove", "transaction",
        "wallet_transaction", "discount_add", "discount_update", "discount_delete", "discount_add_customers", "discount_customer_update",
        "shopping_draft_add", "shopping_draft_update", "shopping_draft_complete", "shopping_order_update", "shopping_order_event_add",
        "shopping_order_delete", "settlement_add", "location_add", "location_delete", "location_update", "cdd_case_update",
        "approval_payout_destination_update", "approval_payout_destination_delete", "checkout_authorization", "checkout_transaction",
        "checkout_token_add", "checkout_token_update", "checkout_token_delete", "account_location_add", "account_location_update", "account_location_delete",
    };

    private const string Subscriptions = "/accounts/{aid}/hooks/subscriptions";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost(Subscriptions, async (HttpContext context, string aid, TokenIssuer tokens, AccountStore store, HookDispatcher dispatcher, EmulatorOptions options) =>
        {
            if (Guard.Check(context, aid, tokens, Scopes.Hooks) is { } refused) return refused;
            var body = await JsonBody.ReadObjectAsync(context);
            if (body == null) return JsonBody.NotAnObject();
            var (errors, secret) = Check(body);
            if (errors.Count > 0) return ErrorBodies.Error(400, "VALIDATION_ERROR", "The request is invalid", errors);
            var now = AccountStore.Timestamp(options.Clock.GetUtcNow());
            var config = (JsonObject)body["config"]!.DeepClone();
            if (secret != null) config["secret"] = new JsonObject { ["type"] = "HMAC-SHA1" };
            config["content_type"] ??= "application/json";
            config["insecure_ssl"] ??= 0;
            var subscription = new JsonObject
            {
                ["config"] = config,
                ["events"] = body["events"]!.DeepClone(),
                ["id"] = Guid.NewGuid().ToString(),
                ["created_at"] = now,
                ["created_by"] = tokens.ClientOf(Guard.Authorization(context)),
                ["updated_at"] = now,
                ["active"] = body["active"]?.DeepClone() ?? true,
            };
            if (body["fields"] != null) subscription["fields"] = body["fields"]!.DeepClone();
            if (body["exclude_fields"] != null) subscription["exclude_fields"] = body["exclude_fields"]!.DeepClone();
            var account = store.Get(aid);
            var hook = new AccountStore.Hook(subscription, secret);
            lock (account.Gate) account.Hooks.Add(hook);
            // "When you create a new webhook, we'll send you a simple ping event."
            _ = dispatcher.Deliver(account, hook, "ping", subscription.DeepClone());
            return JsonBody.Json(subscription.DeepClone());
        });

        api.MapGet(Subscriptions, (HttpContext context, string aid, TokenIssuer tokens, AccountStore store) =>
        {
            if (Guard.Check(context, aid, tokens, Scopes.Hooks) is { } refused) return refused;
            var account = store.Get(aid);
            List<JsonObject> hooks;
            lock (account.Gate) hooks = account.Hooks.Select(hook => (JsonObject)hook.Subscription.DeepClone()).ToList();
            return CursorPage.Of(context.Request.Query, hooks, (hook, cursor) => hook["id"]!.GetValue<string>() == cursor, hook => hook);
        });

        api.MapGet(Subscriptions + "/{hid}", (HttpContext context, string aid, string hid, TokenIssuer tokens, AccountStore store) =>
        {
            if (Guard.Check(context, aid, tokens, Scopes.Hooks) is { } refused) return refused;
            var account = store.Get(aid);
            lock (account.Gate) return Find(account, hid) is { } hook ? JsonBody.Json(hook.Subscription.DeepClone()) : NotFound(hid);
        });

        api.MapDelete(Subscriptions + "/{hid}", (HttpContext context, string aid, string hid, TokenIssuer tokens, AccountStore store, EmulatorOptions options) =>
        {
            if (Guard.Check(context, aid, tokens, Scopes.Hooks) is { } refused) return refused;
            var account = store.Get(aid);
            lock (account.Gate)
            {
                if (Find(account, hid) is not { } hook) return NotFound(hid);
                account.Hooks.Remove(hook);
                var deleted = (JsonObject)hook.Subscription.DeepClone();
                deleted["deleted_at"] = AccountStore.Timestamp(options.Clock.GetUtcNow());
                return JsonBody.Json(deleted);
            }
        });

        api.MapPost(Subscriptions + "/{hid}/ping", (HttpContext context, string aid, string hid, TokenIssuer tokens, AccountStore store, HookDispatcher dispatcher) =>
        {
            if (Guard.Check(context, aid, tokens, Scopes.Hooks) is { } refused) return refused;
            var account = store.Get(aid);
            AccountStore.Hook? hook;
            lock (account.Gate) hook = Find(account, hid);
            if (hook == null) return NotFound(hid);
            _ = dispatcher.Deliver(account, hook, "ping", hook.Subscription.DeepClone());
            return Results.NoContent();
        });

        api.MapGet(Subscriptions + "/{hid}/deliveries", (HttpContext context, string aid, string hid, TokenIssuer tokens, AccountStore store) =>
        {
            if (Guard.Check(context, aid, tokens, Scopes.Hooks) is { } refused) return refused;
            var account = store.Get(aid);
            List<JsonObject> deliveries;
            lock (account.Gate)
            {
                if (Find(account, hid) is not { } hook) return NotFound(hid);
                deliveries = hook.Deliveries.AsEnumerable().Reverse().Select(Summary).ToList();
            }
            return CursorPage.Of(context.Request.Query, deliveries, (delivery, cursor) => delivery["id"]!.GetValue<string>() == cursor, delivery => delivery);
        });

        api.MapGet(Subscriptions + "/{hid}/deliveries/{deliveryId}", (HttpContext context, string aid, string hid, string deliveryId, TokenIssuer tokens, AccountStore store) =>
        {
            if (Guard.Check(context, aid, tokens, Scopes.Hooks) is { } refused) return refused;
            var account = store.Get(aid);
            lock (account.Gate)
            {
                if (Find(account, hid) is not { } hook) return NotFound(hid);
                var delivery = hook.Deliveries.FirstOrDefault(candidate => candidate["id"]!.GetValue<string>() == deliveryId);
                return delivery == null ? ErrorBodies.Error(404, "NOT_FOUND", $"The delivery {deliveryId} was not found") : JsonBody.Json(delivery.DeepClone());
            }
        });
    }

    /// <summary>The body's problems, and the secret it gives (null for none).</summary>
    private static (List<FieldError> Errors, string? Secret) Check(JsonObject body)
    {
        var errors = new List<FieldError>();
        string? secret = null;
        if (body["config"] is not JsonObject config)
        {
            errors.Add(new("config", "is required", "required"));
        }
        else
        {
            var url = JsonBody.String(config, "url");
            if (url == null) errors.Add(new("config.url", "is required", "required"));
            else if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp)) errors.Add(new("config.url", "should match format \"uri\"", "format"));
            switch (config["secret"])
            {
                case null:
                    break;
                case JsonObject given when JsonBody.String(given, "value") is { Length: > 0 } value && (JsonBody.String(given, "type") ?? "HMAC-SHA1") == "HMAC-SHA1":
                    secret = value;
                    break;
                case JsonObject:
                    errors.Add(new("config.secret", "should be {\"type\": \"HMAC-SHA1\", \"value\": <the secret>}", "type"));
                    break;
                default:
                    errors.Add(new("config.secret", "should be object", "type"));
                    break;
            }
        }
        if (body["events"] is not JsonArray events || events.Count == 0)
        {
            errors.Add(new("events", "is required and must hold at least one event", "required"));
        }
        else
        {
            for (var i = 0; i < events.Count; i++)
            {
                var name = events[i]?.GetValueKind() == JsonValueKind.String ? events[i]!.GetValue<string>() : null;
                if (name == null || !Events.Contains(name)) errors.Add(new($"events[{i}]", "should be equal to one of the allowed values", "enum"));
            }
        }
        return (errors, secret);
    }

    private static AccountStore.Hook? Find(AccountStore.Account account, string hid) => account.Hooks.FirstOrDefault(hook => hook.Id == hid);

    private static JsonObject Summary(JsonObject delivery) => new()
    {
        ["id"] = delivery["id"]!.DeepClone(),
        ["event_delivery"] = delivery["event_delivery"]!.DeepClone(),
        ["created_at"] = delivery["created_at"]!.DeepClone(),
        ["status"] = delivery["status"]!.DeepClone(),
    };

    private static IResult NotFound(string hid) => ErrorBodies.Error(404, "NOT_FOUND", $"The subscription {hid} was not found");
}
