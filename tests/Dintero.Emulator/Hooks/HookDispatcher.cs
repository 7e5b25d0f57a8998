using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Dintero.Emulator.State;

namespace Dintero.Emulator.Hooks;

/// <summary>
/// Delivers webhook events as Dintero does (docs.dintero.com, Create new subscription): a real POST to the subscription's
/// URL with the headers <c>event</c>, <c>event-delivery</c> (a GUID) and <c>event-signature</c> (the HMAC-SHA1 hex digest
/// of the body's bytes, keyed with the subscription's secret), a 2xx answer counting as received and nothing else
/// (redirects are not followed). Each delivery is recorded for <c>.../deliveries</c>; after
/// <see cref="EmulatorOptions.HookDeletedAfterFailures"/> failures in a row the subscription is deleted.
/// </summary>
public sealed class HookDispatcher
{
    private static readonly HttpClient Http = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(10) };
    private readonly EmulatorOptions options;

    public HookDispatcher(EmulatorOptions options) => this.options = options;

    /// <summary>Sends the event in the background, as Dintero does after answering; returns the delivery's task, for tests.</summary>
    public Task Deliver(AccountStore.Account account, AccountStore.Hook hook, string eventName, JsonNode payload) =>
        Task.Run(() => DeliverAsync(account, hook, eventName, _ => payload));

    /// <summary>
    /// Sends the event to each of the account's active subscriptions that asked for it, in the background; the payload is
    /// made for each delivery from its id (Dintero's event bodies carry it as <c>event_delivery</c>, as the header does).
    /// </summary>
    public void Publish(AccountStore.Account account, string eventName, Func<string, JsonNode> payload)
    {
        List<AccountStore.Hook> subscribed;
        lock (account.Gate)
        {
            subscribed = account.Hooks
                .Where(hook => !(hook.Subscription["active"] is JsonValue active && active.TryGetValue<bool>(out var on) && !on))
                .Where(hook => hook.Subscription["events"] is JsonArray events && events.Any(name => name is JsonValue value && value.TryGetValue<string>(out var given) && given == eventName))
                .ToList();
        }
        foreach (var hook in subscribed) _ = Task.Run(() => DeliverAsync(account, hook, eventName, payload));
    }

    /// <summary>The <c>event-signature</c> of a body: lowercase hex of HMAC-SHA1 over its bytes, keyed with the secret's UTF-8 bytes.</summary>
    public static string Signature(string secret, byte[] body) => Convert.ToHexString(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), body)).ToLowerInvariant();

    private async Task DeliverAsync(AccountStore.Account account, AccountStore.Hook hook, string eventName, Func<string, JsonNode> payloadOf)
    {
        var deliveryId = Guid.NewGuid().ToString();
        var payload = payloadOf(deliveryId);
        var bytes = Encoding.UTF8.GetBytes(payload.ToJsonString(EmulatorJson.Options));
        var url = hook.Subscription["config"]?["url"]?.GetValue<string>() ?? string.Empty;
        var headers = new JsonObject { ["event"] = eventName, ["event-delivery"] = deliveryId };
        if (hook.Secret != null) headers["event-signature"] = Signature(hook.Secret, bytes);
        var at = options.Clock.GetUtcNow();
        var watch = Stopwatch.StartNew();
        int status = 0;
        var responseHeaders = new JsonObject();
        var responseBody = string.Empty;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(bytes) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            request.Headers.UserAgent.ParseAdd("Dintero-Hook/emulator");
            foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value!.GetValue<string>());
            using var response = await Http.SendAsync(request);
            status = (int)response.StatusCode;
            foreach (var header in response.Headers) responseHeaders[header.Key.ToLowerInvariant()] = string.Join(", ", header.Value);
            responseBody = await response.Content.ReadAsStringAsync();
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or UriFormatException or InvalidOperationException)
        {
            responseBody = exception.Message;
        }
        var success = status >= 200 && status < 300;
        var delivery = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["event_delivery"] = deliveryId,
            ["created_at"] = AccountStore.Timestamp(at),
            ["status"] = status,
            ["url"] = url,
            ["request"] = new JsonObject { ["headers"] = headers, ["body"] = payload.DeepClone() },
            ["response"] = new JsonObject { ["headers"] = responseHeaders, ["body"] = responseBody },
            ["details"] = new JsonObject { ["delivery_at"] = AccountStore.Timestamp(at), ["delivery_duration"] = watch.ElapsedMilliseconds, ["delivery_success"] = success },
        };
        lock (account.Gate)
        {
            hook.Deliveries.Add(delivery);
            hook.FailuresInARow = success ? 0 : hook.FailuresInARow + 1;
            // "A webhook will be deleted if there are consecutive failures for the exact same webhook."
            if (hook.FailuresInARow >= options.HookDeletedAfterFailures) account.Hooks.Remove(hook);
        }
    }
}
