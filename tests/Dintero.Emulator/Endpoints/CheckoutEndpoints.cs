using System.Text.Json.Nodes;
using Dintero.Emulator.Auth;
using Dintero.Emulator.State;

namespace Dintero.Emulator.Endpoints;

/// <summary>
/// The checkout API's payment profiles, on a base of their own (<c>/checkout/v1</c>, as checkout.dintero.com/v1 is
/// Dintero's), as docs/openapi/dintero-checkout.yaml has them: <c>/admin/session/profiles</c> GET (paged as Dintero's
/// collections) and POST, <c>/admin/session/profiles/{profile_id}</c> GET, PUT (the whole profile: <c>configuration</c> is
/// required) and DELETE. The account is the token's; reads take a checkout read scope, the rest admin:checkout or
/// write:checkout. Every account has a <c>default</c> profile, made on first use with no payment type switched on.
/// </summary>
internal static class CheckoutEndpoints
{
    public const string DefaultProfile = "default";

    public static void Map(RouteGroupBuilder checkout)
    {
        checkout.MapGet("/admin/session/profiles", (HttpContext context, TokenIssuer tokens, AccountStore store, EmulatorOptions options) =>
        {
            var (aid, refused) = Guard.CheckCheckout(context, tokens);
            if (refused != null) return refused;
            var profiles = Profiles(store.Get(aid!), options);
            return CursorPage.Of(context.Request.Query, profiles, (profile, cursor) => profile["id"]!.GetValue<string>() == cursor, profile => profile);
        });

        checkout.MapPost("/admin/session/profiles", async (HttpContext context, TokenIssuer tokens, AccountStore store, EmulatorOptions options) =>
        {
            var (aid, refused) = Guard.CheckCheckout(context, tokens);
            if (refused != null) return refused;
            var body = await JsonBody.ReadObjectAsync(context);
            if (body == null) return JsonBody.NotAnObject();
            if (Invalid(body) is { } invalid) return invalid;
            var account = store.Get(aid!);
            var profileId = JsonBody.String(body, "profile_id") ?? Guid.NewGuid().ToString("N");
            return Locked<IResult>(account, options, () =>
            {
                if (Find(account, profileId) != null) return ErrorBodies.Error(409, "CONFLICT", $"The profile {profileId} exists already");
                var profile = Stored(body, profileId, tokens.ClientOf(Guard.Authorization(context)), options.Clock.GetUtcNow());
                account.Profiles.Add(profile);
                return JsonBody.Json(profile.DeepClone());
            });
        });

        checkout.MapGet("/admin/session/profiles/{profileId}", (HttpContext context, string profileId, TokenIssuer tokens, AccountStore store, EmulatorOptions options) =>
        {
            var (aid, refused) = Guard.CheckCheckout(context, tokens);
            if (refused != null) return refused;
            var account = store.Get(aid!);
            return Locked<IResult>(account, options, () => Find(account, profileId) is { } profile ? JsonBody.Json(profile.DeepClone()) : NotFound(profileId));
        });

        checkout.MapPut("/admin/session/profiles/{profileId}", async (HttpContext context, string profileId, TokenIssuer tokens, AccountStore store, EmulatorOptions options) =>
        {
            var (aid, refused) = Guard.CheckCheckout(context, tokens);
            if (refused != null) return refused;
            var body = await JsonBody.ReadObjectAsync(context);
            if (body == null) return JsonBody.NotAnObject();
            if (Invalid(body) is { } invalid) return invalid;
            var account = store.Get(aid!);
            return Locked<IResult>(account, options, () =>
            {
                if (Find(account, profileId) is not { } current) return NotFound(profileId);
                // PUT replaces the profile: what the body leaves out is gone; what Dintero keeps is its own.
                var replaced = Stored(body, profileId, current["created_by"]?.GetValue<string>(), options.Clock.GetUtcNow());
                replaced["id"] = current["id"]!.GetValue<string>();
                replaced["created_at"] = current["created_at"]!.GetValue<string>();
                account.Profiles[account.Profiles.IndexOf(current)] = replaced;
                return JsonBody.Json(replaced.DeepClone());
            });
        });

        checkout.MapDelete("/admin/session/profiles/{profileId}", (HttpContext context, string profileId, TokenIssuer tokens, AccountStore store, EmulatorOptions options) =>
        {
            var (aid, refused) = Guard.CheckCheckout(context, tokens);
            if (refused != null) return refused;
            var account = store.Get(aid!);
            return Locked<IResult>(account, options, () =>
            {
                if (Find(account, profileId) is not { } profile) return NotFound(profileId);
                account.Profiles.Remove(profile);
                return JsonBody.Json(profile.DeepClone());
            });
        });
    }

    /// <summary>The account's profiles as the list answers them, <c>default</c> first.</summary>
    private static List<JsonObject> Profiles(AccountStore.Account account, EmulatorOptions options) =>
        Locked(account, options, () => account.Profiles.Select(profile => (JsonObject)profile.DeepClone()).ToList());

    // What every profile endpoint starts with: the account's lock held, and its default profile made.
    private static T Locked<T>(AccountStore.Account account, EmulatorOptions options, Func<T> work)
    {
        lock (account.Gate)
        {
            EnsureDefault(account, options);
            return work();
        }
    }

    // Every new account has a default profile (docs/checkout/payment-profiles); here it switches no payment type on, the
    // module's reading of a new merchant's profile (uncertain: Dintero may switch types on as their connections are enabled).
    private static void EnsureDefault(AccountStore.Account account, EmulatorOptions options)
    {
        if (Find(account, DefaultProfile) != null) return;
        var body = new JsonObject
        {
            ["description"] = "Default profile",
            ["configuration"] = new JsonObject { ["auto_capture"] = false, ["channel"] = "ecommerce" },
        };
        account.Profiles.Insert(0, Stored(body, DefaultProfile, "dintero", options.Clock.GetUtcNow()));
    }

    private static JsonObject? Find(AccountStore.Account account, string profileId) =>
        account.Profiles.FirstOrDefault(profile => profile["profile_id"]?.GetValue<string>() == profileId);

    private static IResult? Invalid(JsonObject body)
    {
        var errors = new List<FieldError>();
        if (body["configuration"] is not JsonObject) errors.Add(new("configuration", "is required and should be object", "required"));
        if (body["profile_id"] is { } id && (id.GetValueKind() != System.Text.Json.JsonValueKind.String || id.GetValue<string>().Trim() != id.GetValue<string>()))
        {
            errors.Add(new("profile_id", "should be a string without leading or trailing spaces", "pattern"));
        }
        return errors.Count == 0 ? null : ErrorBodies.Error(400, "VALIDATION_ERROR", "The request is invalid", errors);
    }

    private static JsonObject Stored(JsonObject body, string profileId, string? createdBy, DateTimeOffset now)
    {
        var at = AccountStore.Timestamp(now);
        var profile = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["created_at"] = at,
            ["created_by"] = createdBy,
            ["updated_at"] = at,
            ["profile_id"] = profileId,
        };
        foreach (var name in new[] { "description", "url", "merchant", "configuration" })
        {
            if (body[name] != null) profile[name] = body[name]!.DeepClone();
        }
        return profile;
    }

    private static IResult NotFound(string profileId) => ErrorBodies.Error(404, "NOT_FOUND", $"The profile {profileId} was not found");
}
