using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dintero.Emulator.Auth;
using Dintero.Emulator.State;

namespace Dintero.Emulator.Endpoints;

/// <summary>
/// <c>GET</c> and <c>PUT /v1/accounts/{aid}/management/settings</c>, and PayEx's overrides
/// (<c>PUT .../management/settings/connections/payex/overrides</c>, <c>{overrides: [one object]}</c>), which the module
/// reaches with Invoke-DinteroRequest (see docs/openapi/dintero-partner.yaml for the sources).
/// </summary>
internal static partial class SettingsEndpoints
{
    [GeneratedRegex(@"^\+?\d{5,15}$")]
    private static partial Regex Phone();

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/accounts/{aid}/management/settings", (HttpContext context, string aid, TokenIssuer tokens, AccountStore store, EmulatorOptions options) =>
        {
            if (Guard.Check(context, aid, tokens) is { } refused) return refused;
            var account = store.Get(aid);
            ConnectionLifecycle.Advance(account, options);
            return Settings(account);
        });

        api.MapPut("/accounts/{aid}/management/settings", async (HttpContext context, string aid, TokenIssuer tokens, AccountStore store) =>
        {
            if (Guard.Check(context, aid, tokens) is { } refused) return refused;
            JsonNode? body;
            try
            {
                body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            }
            catch (JsonException)
            {
                return ErrorBodies.Error(400, "INVALID_REQUEST", "The body is not JSON");
            }
            if (body?["company"] is not JsonObject company)
            {
                return ErrorBodies.Error(400, "VALIDATION_ERROR", "The request is invalid", new[] { new FieldError("company", "is required", "required") });
            }
            var errors = new List<FieldError>();
            if (company["business_name"]?.GetValueKind() != JsonValueKind.String) errors.Add(new("company.business_name", "is required", "required"));
            if (company["address"] is not JsonObject) errors.Add(new("company.address", "is required", "required"));
            if (company["phone_number"] is { } phone && (phone.GetValueKind() != JsonValueKind.String || !Phone().IsMatch(phone.GetValue<string>())))
            {
                errors.Add(new("company.phone_number", "should match pattern ^\\+?\\d{5,15}$", "pattern"));
            }
            if (errors.Count > 0) return ErrorBodies.Error(400, "VALIDATION_ERROR", "The request is invalid", errors);
            var account = store.Get(aid);
            lock (account.Gate) account.Company = (JsonObject)company.DeepClone();
            return Settings(account);
        });

        MapPayExOverrides(api);
    }

    private static void MapPayExOverrides(RouteGroupBuilder api) =>
        api.MapPut("/accounts/{aid}/management/settings/connections/payex/overrides", async (HttpContext context, string aid, TokenIssuer tokens, AccountStore store, EmulatorOptions options) =>
        {
            if (Guard.Check(context, aid, tokens) is { } refused) return refused;
            var body = await JsonBody.ReadObjectAsync(context);
            if (body == null) return JsonBody.NotAnObject();
            if (body["overrides"] is not JsonArray overrides || overrides.Count > 1 || overrides.Any(item => item is not JsonObject))
            {
                return ErrorBodies.Error(400, "VALIDATION_ERROR", "The request is invalid", new[] { new FieldError("overrides", "should be an array of at most 1 object", "maxItems") });
            }
            var account = store.Get(aid);
            var stored = new JsonObject { ["overrides"] = overrides.DeepClone(), ["updated_at"] = AccountStore.Timestamp(options.Clock.GetUtcNow()) };
            lock (account.Gate) account.PayExOverrides = stored;
            return JsonBody.Json(stored);
        });

    private static IResult Settings(AccountStore.Account account) =>
        Results.Content(AccountJson.Settings(account).ToJsonString(EmulatorJson.Options), "application/json");
}
