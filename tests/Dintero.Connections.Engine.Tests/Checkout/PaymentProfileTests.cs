using Dintero.Connections.Checkout;
using Dintero.Connections.Errors;
using Dintero.Connections.Engine.Tests.Support;
using Dintero.Connections.Json;

namespace Dintero.Connections.Engine.Tests.Checkout;

/// <summary>Payment types switched in a profile without touching the rest, and the checkout API reached with the merchant's token.</summary>
public sealed class PaymentProfileTests
{
    private static Dictionary<string, object?> Configuration(string json) => DinteroJson.Deserialize<Dictionary<string, object?>>(json)!;

    [Fact]
    public void A_switch_sets_the_provider_s_or_the_product_s_enabled_and_leaves_everything_else_as_it_was()
    {
        var configuration = Configuration("{\"auto_capture\": true, \"channel\": \"ecommerce\", \"bambora\": {\"type\": \"payment_type\", \"creditcard\": {\"type\": \"payment_product_type\", \"enabled\": false}}}");

        var vipps = PaymentTypes.Switch(configuration, "vipps", on: true);
        var card = PaymentTypes.Switch(vipps, "bambora.creditcard", on: true);

        Assert.Equal(new[] { "bambora.creditcard", "vipps" }, PaymentTypes.SwitchedOn(card)); // in the configuration's order
        Assert.Empty(PaymentTypes.SwitchedOn(configuration)); // the original is untouched
        Assert.Equal(true, card["auto_capture"]);
        Assert.Equal("ecommerce", card["channel"]);
        Assert.Equal("payment_type", ((IDictionary<string, object?>)card["bambora"]!)["type"]);
        Assert.False(PaymentTypes.IsOn(card, "collector.invoice"));
        Assert.False(PaymentTypes.IsOn(PaymentTypes.Switch(card, "vipps", on: false), "vipps"));
    }

    [Fact]
    public void Active_payment_types_on_shows_every_type_whatever_its_own_switch()
    {
        var configuration = Configuration("{\"active_payment_types\": {\"enabled\": true}, \"vipps\": {\"enabled\": false}}");

        Assert.True(PaymentTypes.AllActive(configuration));
        Assert.True(PaymentTypes.IsOn(configuration, "vipps"));
        Assert.Empty(PaymentTypes.SwitchedOn(configuration));
    }

    [Fact]
    public void The_types_an_enabled_connection_gives_come_from_its_configuration_else_its_signup()
    {
        var connections = Configuration("""
            {"common": {"status": "enabled", "signup": {"payment_options": [{"type": "dintero.zero"}, {"type": "vipps"}]}},
             "bambora": {"status": "enabled", "configuration": {"payment_options": [{"type": "bambora.creditcard"}]}, "signup": {"payment_options": [{"type": "bambora.mobilepay"}]}},
             "collector": {"status": "pending", "signup": {"payment_options": [{"type": "collector.invoice"}]}},
             "vipps": {"status": "enabled"}}
            """);

        Assert.Equal(new[] { "dintero.zero", "vipps", "bambora.creditcard" }, PaymentTypes.OfConnections(connections));
    }

    [Theory]
    [InlineData("Vipps")]
    [InlineData("bambora creditcard")]
    [InlineData("active_payment_types")]
    public void A_malformed_type_is_refused_before_any_read(string type)
    {
        var failure = Assert.Throws<DinteroValidationException>(() => ProfileSwitches.Checked(new[] { type }, null));
        Assert.Contains(failure.Problems, problem => problem.Path == "Enable[0]");
    }

    [Fact]
    public void A_type_both_switched_on_and_off_is_refused()
    {
        Assert.Throws<DinteroValidationException>(() => ProfileSwitches.Checked(new[] { "vipps" }, new[] { "vipps" }));
        Assert.Throws<DinteroValidationException>(() => ProfileSwitches.Checked(null, null));
    }

    [Fact]
    public async Task Switching_puts_the_whole_profile_back_once_and_not_at_all_when_it_has_the_switch_already()
    {
        await using var env = await TestEnvironment.StartAsync();
        var partner = env.PartnerApi();
        var vipps = ProfileSwitches.Checked(new[] { "vipps" }, null);

        var first = await vipps.ApplyAsync(partner, TestData.Merchant, "default", CancellationToken.None);
        var second = await vipps.ApplyAsync(partner, TestData.Merchant, "default", CancellationToken.None);

        Assert.True(first.Changed);
        Assert.False(second.Changed);
        Assert.Equal(1, env.Requests.Count("PUT", "/checkout/v1/admin/session/profiles/default"));
        var stored = await partner.GetPaymentProfileAsync(TestData.Merchant, "default");
        Assert.Equal(new[] { "vipps" }, stored.enabled_types);
        Assert.Equal("ecommerce", stored.configuration!["channel"]); // the rest as it was
        Assert.Equal(TestData.Merchant, stored.account_id);
    }

    [Fact]
    public async Task Profiles_are_read_on_the_checkout_root_with_the_merchant_s_token_page_by_page()
    {
        await using var env = await TestEnvironment.StartAsync();
        var partner = env.PartnerApi();

        var page = await partner.ListPaymentProfilesAsync(TestData.Merchant, 1);

        Assert.Equal("default", Assert.Single(page.Items).profile_id);
        Assert.Equal(1, env.Requests.Count("GET", "/checkout/v1/admin/session/profiles"));
        Assert.Equal(1, env.Requests.Count("POST", $"/v1/accounts/{TestData.Merchant}/auth/token"));
    }

    [Fact]
    public async Task A_token_without_the_checkout_scope_gets_an_error_that_names_the_grant_it_lacks()
    {
        await using var env = await TestEnvironment.StartAsync(configure: options => options.ExchangedTokensWithoutCheckout = true);
        var partner = env.PartnerApi();

        var refused = await Assert.ThrowsAsync<DinteroAccessException>(() => partner.GetPaymentProfileAsync(TestData.Merchant, "default"));

        Assert.Equal(DinteroAccessFailure.MissingScope, refused.Failure);
        Assert.Equal("Dintero.Access.MissingScope", refused.ErrorId);
        Assert.Contains("admin:checkout", refused.Description + refused.Advice);
    }

    [Fact]
    public async Task Without_a_checkout_root_for_an_api_root_of_its_own_the_client_says_to_give_one_and_sends_nothing()
    {
        using var client = new Dintero.Connections.Http.DinteroApi(new Dintero.Connections.Http.DinteroApiOptions
        {
            BaseUri = new Uri("http://127.0.0.1:1/v1"),
            Credential = new Dintero.Connections.Auth.DinteroCredential("c", "s"),
            AccountId = TestData.AccountId,
        });

        Assert.Null(client.CheckoutBaseUri);
        // Port 1 answers nothing: a request would fail as a transport error, not as this refusal.
        var failure = await Assert.ThrowsAsync<DinteroValidationException>(() => client.GetPaymentProfileAsync(TestData.AccountId, "default"));
        Assert.Contains(failure.Problems, problem => problem.Path == "CheckoutBaseUri");
    }
}
