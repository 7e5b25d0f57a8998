using Dintero.Connections.Auth;
using Dintero.Connections.Clients;
using Dintero.Connections.Engine.Tests.Support;
using Dintero.Connections.Errors;
using Dintero.Connections.Http;
using Dintero.Connections.Models;
using Dintero.Connections.Webhooks;

namespace Dintero.Connections.Engine.Tests.Auth;

/// <summary>
/// A 403 from an API that wants a scope of its own, read by the one rule for both (the checkout API and webhooks):
/// real clients of the emulator whose grants lack the scope, over loopback HTTP; the advice, followed, gets the call through.
/// </summary>
public sealed class ScopedApiTests
{
    private const string Merchant = TestData.Merchant;

    public sealed record Api(string Name, ScopedApi Scoped, Func<DinteroApi, Task> Read, Func<DinteroApi, Uri, Task> Write)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Api> Apis() => new()
    {
        new Api("checkout", ScopedApi.Checkout,
            client => client.GetPaymentProfileAsync(Merchant, "default"),
            async (client, _) => await client.UpdatePaymentProfileAsync(Merchant, await client.GetPaymentProfileAsync(Merchant, "default"))),
        new Api("webhooks", ScopedApi.Webhooks,
            client => client.ListWebhooksAsync(Merchant),
            // Delivered to the emulator's own receiver: its ping goes nowhere off this machine.
            (client, emulator) => client.CreateWebhookAsync(Merchant, WebhookEvents.Check(new[] { "settlement_add" }, new Uri(emulator, "_emulator/receiver/ok").AbsoluteUri, null, insecureSsl: false))),
    };

    // The merchant's own API client, made by the partner as New-DinteroApiClient makes it, with a grant of these scopes only.
    private static async Task<DinteroApi> MerchantClientAsync(TestEnvironment env, params string[] scopes)
    {
        var made = (await new Dintero.Connections.Rows.RowRunner<ApiClientRequest, ApiClientWithSecret>(new ApiClientSpec(env.PartnerApi()), force: false)
            .RunAsync(Merchant, null, new ApiClientRequest("Scoped " + string.Join(" ", scopes), null, scopes, null).Checked(), CancellationToken.None)).Made!;
        return env.Api(options =>
        {
            options.Credential = new DinteroCredential(made.Client!.client_id!, made.Secret!.GetPlainText());
            options.AccountId = Merchant;
        });
    }

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task A_read_refused_for_lack_of_the_scope_names_the_admin_and_read_scopes_and_a_client_with_the_advised_grant_gets_through(Api api)
    {
        await using var env = await TestEnvironment.StartAsync();
        var reports = await MerchantClientAsync(env, ClientScopes.AccountsRead);

        var refused = await env.FailsWith<DinteroAccessException>(() => api.Read(reports));

        Assert.Equal((DinteroAccessFailure.MissingScope, "Dintero.Access.MissingScope"), (refused.Failure, refused.ErrorId));
        Assert.Equal((Merchant, Merchant), (refused.AccountId, refused.ConnectedAccountId));
        Assert.Equal(403, refused.Answer!.StatusCode);
        Assert.Contains(refused.Answer.DinteroMessage!, refused.Description); // Dintero's own word, kept
        Assert.Contains($"Dintero's {api.Scoped.Name} refused the token for account {Merchant}", refused.Description);
        Assert.EndsWith($"the API client lacks the scope {api.Scoped.AdminScope} or {api.Scoped.ReadScope}.", refused.Description);
        Assert.StartsWith($"Give the API client a grant with {api.Scoped.AdminScope} ", refused.Advice);

        var advised = await MerchantClientAsync(env, api.Scoped.AdminScope);
        await api.Read(advised);
        await api.Write(advised, env.Emulator.RootUri);
    }

    [Theory]
    [MemberData(nameof(Apis))]
    public async Task A_write_refused_to_a_client_that_may_only_read_names_the_admin_scope_alone(Api api)
    {
        await using var env = await TestEnvironment.StartAsync();
        var reader = await MerchantClientAsync(env, api.Scoped.ReadScope);
        await api.Read(reader);

        var refused = await env.FailsWith<DinteroAccessException>(() => api.Write(reader, env.Emulator.RootUri));

        Assert.Equal(DinteroAccessFailure.MissingScope, refused.Failure);
        Assert.EndsWith($"the API client lacks the scope {api.Scoped.AdminScope}.", refused.Description);
    }

    [Fact]
    public async Task A_merchant_token_from_the_partner_s_exchange_without_the_scope_points_to_the_partner_s_grant_and_the_merchant_s_own_client()
    {
        await using var env = await TestEnvironment.StartAsync(configure: options => options.ExchangedTokensWithoutCheckout = true);
        var partner = env.PartnerApi();

        var refused = await env.FailsWith<DinteroAccessException>(() => partner.GetPaymentProfileAsync(Merchant, "default"));

        Assert.Equal((DinteroAccessFailure.MissingScope, Merchant, TestData.PartnerId), (refused.Failure, refused.AccountId, refused.ConnectedAccountId));
        Assert.Contains($"refused the token for merchant {Merchant}", refused.Description);
        Assert.Contains($"lacks the scope {ClientScopes.CheckoutAdmin} or {ClientScopes.CheckoutRead}. The merchant's token comes through partner {TestData.PartnerId}'s token exchange", refused.Description);
        Assert.Contains($"New-DinteroApiClient -AccountId {Merchant} -Scope {ClientScopes.CheckoutAdmin}", refused.Advice);

        // The advice, followed: the merchant's own client with that grant reads the profile the exchanged token could not.
        var own = await MerchantClientAsync(env, ClientScopes.CheckoutAdmin);
        Assert.Equal("default", (await own.GetPaymentProfileAsync(Merchant, "default")).profile_id);
    }
}
