using System.Text.Json.Nodes;
using Dintero.Emulator.Auth;
using Dintero.Emulator.State;
using Dintero.Emulator.Validation;

namespace Dintero.Emulator.Endpoints;

/// <summary>
/// <c>/v1/accounts/{aid}/management/settings/connections/...</c>: the signup POST and GET of common, bambora,
/// collector, instabank, payex/payex.creditcard and swish; vipps (POST and PUT without a body, GET); and
/// <c>common/signup</c>. Every signup needs the account's company to have an organization number first, as Dintero
/// documents for each of them.
/// </summary>
internal static class ConnectionEndpoints
{
    private const string Route = "/accounts/{aid}/management/settings/connections/";

    /// <summary>The signup kinds, by the key they are stored under (the settings' <c>connections</c> member).</summary>
    private static readonly Dictionary<string, Func<JsonObject, List<FieldError>>> SignupKinds = new(StringComparer.Ordinal)
    {
        ["common"] = SignupRules.Common,
        ["bambora"] = SignupRules.Bambora,
        ["collector"] = SignupRules.Collector,
        ["instabank"] = SignupRules.Instabank,
        ["swish"] = SignupRules.Swish,
    };

    public static void Map(RouteGroupBuilder api)
    {
        foreach (var kind in SignupKinds.Keys)
        {
            api.MapPost(Route + kind, (HttpContext context, string aid, TokenIssuer tokens, AccountStore store, EmulatorOptions options) =>
                CreateAsync(kind, SignupKinds[kind], context, aid, tokens, store, options));
            api.MapGet(Route + kind, (HttpContext context, string aid, TokenIssuer tokens, AccountStore store, EmulatorOptions options) =>
                Read(kind, context, aid, tokens, store, options));
        }

        // PayEx's product type is part of the path; payex.creditcard is the only one.
        api.MapPost(Route + "payex/{type}", (HttpContext context, string aid, string type, TokenIssuer tokens, AccountStore store, EmulatorOptions options) =>
            type == "payex.creditcard" ? CreateAsync("payex", SignupRules.PayEx, context, aid, tokens, store, options) : Task.FromResult(UnknownProductType(type)));
        api.MapGet(Route + "payex/{type}", (HttpContext context, string aid, string type, TokenIssuer tokens, AccountStore store, EmulatorOptions options) =>
            type == "payex.creditcard" ? Read("payex", context, aid, tokens, store, options) : UnknownProductType(type));

        api.MapPost(Route + "vipps", (HttpContext context, string aid, TokenIssuer tokens, AccountStore store, EmulatorOptions options) =>
            StartVipps(restart: false, context, aid, tokens, store, options));
        api.MapPut(Route + "vipps", (HttpContext context, string aid, TokenIssuer tokens, AccountStore store, EmulatorOptions options) =>
            StartVipps(restart: true, context, aid, tokens, store, options));
        api.MapGet(Route + "vipps", (HttpContext context, string aid, TokenIssuer tokens, AccountStore store, EmulatorOptions options) =>
            Read("vipps", context, aid, tokens, store, options));

        api.MapPost(Route + "common/signup", (HttpContext context, string aid, TokenIssuer tokens) =>
        {
            if (Guard.Check(context, aid, tokens) is { } refused) return refused;
            var link = new JsonObject { ["ref"] = $"{context.Request.Scheme}://{context.Request.Host}/signup/{Guid.NewGuid():N}" };
            return Results.Content(link.ToJsonString(EmulatorJson.Options), "application/json");
        });
    }

    private static IResult Read(string kind, HttpContext context, string aid, TokenIssuer tokens, AccountStore store, EmulatorOptions options)
    {
        if (Guard.Check(context, aid, tokens) is { } refused) return refused;
        var account = store.Get(aid);
        ConnectionLifecycle.Advance(account, options);
        lock (account.Gate)
        {
            return account.Connections.TryGetValue(kind, out var connection)
                ? Results.Content(connection.ToJsonString(EmulatorJson.Options), "application/json")
                : ErrorBodies.Error(404, "NOT_FOUND", $"The account {aid} has no {kind} connection");
        }
    }

    private static async Task<IResult> CreateAsync(string kind, Func<JsonObject, List<FieldError>> rules, HttpContext context, string aid, TokenIssuer tokens, AccountStore store, EmulatorOptions options)
    {
        if (Guard.Check(context, aid, tokens) is { } refused) return refused;
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (System.Text.Json.JsonException)
        {
            return ErrorBodies.Error(400, "INVALID_REQUEST", "The body is not JSON");
        }
        if (body?["signup"] is not JsonObject signup)
        {
            return ErrorBodies.Error(400, "VALIDATION_ERROR", "The request is invalid", new[] { new FieldError("signup", "is required", "required") });
        }
        var errors = rules(signup);
        if (errors.Count > 0) return ErrorBodies.Error(400, "VALIDATION_ERROR", "The request is invalid", errors);

        var account = store.Get(aid);
        JsonObject connection;
        lock (account.Gate)
        {
            if (MissingOrganizationNumber(account, kind) is { } missing) return missing;
            var createdBy = tokens.ClientOf(context.Request.Headers.Authorization.ToString()) ?? "unknown";
            var now = options.Clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
            var signatureLink = $"{context.Request.Scheme}://{context.Request.Host}/sign/{Guid.NewGuid():N}";
            connection = kind == "bambora"
                ? Responses.Bambora(signup, now, createdBy, signatureLink)
                : Responses.WithSignup(signup, now, createdBy, signatureLink);
            account.Connections[kind] = connection;
        }
        return Results.Content(connection.ToJsonString(EmulatorJson.Options), "application/json");
    }

    private static IResult StartVipps(bool restart, HttpContext context, string aid, TokenIssuer tokens, AccountStore store, EmulatorOptions options)
    {
        if (Guard.Check(context, aid, tokens) is { } refused) return refused;
        var account = store.Get(aid);
        JsonObject connection;
        lock (account.Gate)
        {
            if (MissingOrganizationNumber(account, "vipps") is { } missing) return missing;
            account.Connections.TryGetValue("vipps", out var existing);
            if (restart && existing == null) return ErrorBodies.Error(404, "NOT_FOUND", $"The account {aid} has no vipps signup to restart");
            if (restart && existing!["status"]?.GetValue<string>() == "enabled")
            {
                return ErrorBodies.Error(400, "CONNECTION_ENABLED", "The Vipps connection is enabled; only a signup that is not enabled can be restarted");
            }
            var createdBy = tokens.ClientOf(context.Request.Headers.Authorization.ToString()) ?? "unknown";
            var now = options.Clock.GetUtcNow();
            var url = $"{context.Request.Scheme}://{context.Request.Host}/vipps-signup/{Guid.NewGuid():N}";
            connection = Responses.Vipps(now, createdBy, url);
            account.Connections["vipps"] = connection;
        }
        return Results.Content(connection.ToJsonString(EmulatorJson.Options), "application/json");
    }

    private static IResult? MissingOrganizationNumber(AccountStore.Account account, string kind) =>
        string.IsNullOrEmpty(account.Company["organization_number"]?.GetValue<string>())
            ? ErrorBodies.Error(400, "ORGANIZATION_NUMBER_REQUIRED",
                $"The account company must be configured with organization_number before the {kind} signup (PUT /management/settings)",
                new[] { new FieldError("company.organization_number", "is required", "required") })
            : null;

    private static IResult UnknownProductType(string type) =>
        ErrorBodies.Error(400, "VALIDATION_ERROR", "The request is invalid", new[] { new FieldError("payment_product_type", $"should be equal to one of the allowed values: payex.creditcard (got \"{type}\")", "enum") });
}
