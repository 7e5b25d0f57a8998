using System.Text;
using Dintero.Connections.Errors;
using Dintero.Connections.Engine.Tests.Support;
using Dintero.Connections.Models;
using Dintero.Connections.Webhooks;

namespace Dintero.Connections.Engine.Tests.Webhooks;

/// <summary>Subscriptions checked, made once, and their deliveries signed as Dintero signs them.</summary>
public sealed class WebhookTests
{
    private const string HookSecret = "Hook-Secret-For-The-Receiver-3391";

    [Fact]
    public void The_signature_is_the_hex_HMAC_SHA1_of_the_body_and_a_changed_byte_fails_it()
    {
        var body = Encoding.UTF8.GetBytes("{\"event\":\"ping\"}");
        var signature = WebhookSignature.Of(body, "secret");

        Assert.Matches("^[0-9a-f]{40}$", signature);
        Assert.True(WebhookSignature.Verify(body, signature, "secret"));
        Assert.True(WebhookSignature.Verify(body, " " + signature.ToUpperInvariant() + " ", "secret"));
        Assert.False(WebhookSignature.Verify(body, signature, "Secret"));
        Assert.False(WebhookSignature.Verify(body, signature.Substring(0, 39), "secret"));
        Assert.False(WebhookSignature.Verify(body, null, "secret"));
        body[3] ^= 1;
        Assert.False(WebhookSignature.Verify(body, signature, "secret"));
    }

    [Fact]
    public void A_check_fails_closed_whatever_is_missing_or_wrong_and_says_why()
    {
        var body = Encoding.UTF8.GetBytes("{\"event\":\"ping\"}");
        var signature = WebhookSignature.Of(body, "secret");

        Assert.True(WebhookSignature.Check(body, signature, "secret").Valid);
        foreach (var (given, why) in new[] { ((string?)null, "no event-signature"), ("", "no event-signature"), ("   ", "no event-signature"), ("sha1=" + signature, "40 hex digits"), (new string('z', 40), "40 hex digits") })
        {
            var check = WebhookSignature.Check(body, given, "secret");
            Assert.False(check.Valid);
            Assert.Contains(why, check.Why);
            Assert.False(check.ReceiverFault);
        }
        Assert.True(WebhookSignature.Check(body, signature, null).ReceiverFault);
        Assert.False(WebhookSignature.Check(body, signature, "").Valid);
        Assert.False(WebhookSignature.Check(null, signature, "secret").Valid);
    }

    [Fact]
    public async Task A_delivery_of_the_emulator_verifies_against_its_raw_body_with_the_subscription_s_secret()
    {
        await using var env = await TestEnvironment.StartAsync();
        var partner = env.PartnerApi();
        var url = new Uri(env.Emulator.RootUri, "_emulator/receiver/signed").AbsoluteUri;

        var hook = await partner.CreateWebhookAsync(TestData.Merchant, WebhookEvents.Check(new[] { "settlement_add" }, url, new DinteroSecret(HookSecret), insecureSsl: false));

        var received = await Eventually(() => env.Emulator.Received().FirstOrDefault(each => (string?)each["path"] == "/_emulator/receiver/signed"));
        Assert.True(WebhookSignature.Verify(Encoding.UTF8.GetBytes((string)received["body"]!), (string?)received["eventSignature"], HookSecret));
        Assert.False(WebhookSignature.Verify(Encoding.UTF8.GetBytes((string)received["body"]! + "\n"), (string?)received["eventSignature"], HookSecret));
        Assert.Equal("HMAC-SHA1", hook.config!.secret!.type);
        Assert.Null(hook.config.secret.value); // the answer never shows it
        Assert.DoesNotContain(env.Transcript.Lines, line => line.Contains(HookSecret));
        var delivery = Assert.Single(await partner.GetWebhookDeliveriesAsync(TestData.Merchant, hook.id!, 10));
        Assert.Equal("ping", delivery.@event);
        Assert.Equal(200, delivery.status);
        Assert.True(delivery.success);
        Assert.Equal(hook.id, delivery.hook_id);
    }

    [Fact]
    public void A_subscription_is_checked_whole_before_it_is_sent()
    {
        var failure = Assert.Throws<DinteroValidationException>(() => WebhookEvents.Check(new[] { "acount_update", "settlement_add" }, "ftp://hooks.example.com", null, false));

        Assert.Equal(new[] { "Event[0]", "Url" }, failure.Problems.Select(problem => problem.Path));
        Assert.Contains("Did you mean 'account_update'", failure.Message);
        Assert.Throws<DinteroValidationException>(() => WebhookEvents.Check(Array.Empty<string>(), "https://hooks.example.com", null, false));
    }

    [Fact]
    public void A_test_account_is_told_which_events_it_will_never_get()
    {
        Assert.Equal(new[] { "account_update" }, WebhookEvents.NeverSentTo("T11200001", new[] { "account_update", "settlement_add" }));
        Assert.Empty(WebhookEvents.NeverSentTo("P11200001", new[] { "account_update" }));
    }

    internal static async Task<T> Eventually<T>(Func<T?> read) where T : class => await Eventually(() => Task.FromResult(read()));

    internal static async Task<T> Eventually<T>(Func<Task<T?>> read) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var found = await read();
            if (found != null) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Not seen within 10 s.");
            await Task.Delay(20);
        }
    }
}
