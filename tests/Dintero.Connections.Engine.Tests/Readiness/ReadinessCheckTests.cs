using Dintero.Connections.Approvals;
using Dintero.Connections.Checkout;
using Dintero.Connections.Clients;
using Dintero.Connections.Engine.Tests.Support;
using Dintero.Connections.Kinds;
using Dintero.Connections.Models;
using Dintero.Connections.Readiness;
using Dintero.Emulator.Faults;
using System.Text.Json.Nodes;

namespace Dintero.Connections.Engine.Tests.Readiness;

/// <summary>Who takes payments, from a merchant's settings, clients and default profile, against the emulator.</summary>
public sealed class ReadinessCheckTests
{
    private const string Merchant = TestData.Merchant;

    private static async Task EnableCommonAsync(TestEnvironment env, Dintero.Connections.Http.DinteroApi partner)
    {
        await partner.CreateCommonConnectionAsync(Merchant, TestData.CommonSignup());
        env.Emulator.MoveConnection(Merchant, "common", "enabled");
    }

    [Fact]
    public async Task A_merchant_without_an_enabled_connection_is_not_live_and_is_told_what_to_do()
    {
        await using var env = await TestEnvironment.StartAsync();

        var outcome = await new ReadinessCheck(env.PartnerApi()).CheckAsync(Merchant, CancellationToken.None);

        Assert.Equal(ReadinessVerdict.NotLive, outcome.Row.verdict);
        Assert.Equal(new[] { ReadinessCheck.ConnectionStep, ReadinessCheck.ClientStep }, outcome.Row.MissingSteps());
        Assert.Equal("connection, client", outcome.Row.missing);
        Assert.Equal($"connection: sign one up or apply for payments: set account_id {Merchant} in Get-DinteroSignupTemplate -Kind Common (or -Kind PaymentApproval) and pipe it to New-DinteroCommonConnection (or New-DinteroPaymentApproval); client: New-DinteroApiClient -AccountId {Merchant} -Name 'Web shop'", outcome.Row.fix);
        Assert.False(outcome.Row.checkout_client);
        Assert.Empty(outcome.Unreadable);
    }

    [Fact]
    public async Task Each_step_done_takes_its_line_off_until_the_merchant_is_live()
    {
        await using var env = await TestEnvironment.StartAsync();
        var partner = env.PartnerApi();
        var check = new ReadinessCheck(partner);
        await EnableCommonAsync(env, partner);

        var enabled = await check.CheckAsync(Merchant, CancellationToken.None);
        Assert.Equal("enabled", enabled.Row.common);
        Assert.Equal(string.Join(", ", TestData.CommonSignup().payment_options!.Select(option => option.type)), enabled.Row.enabled_types);
        Assert.Equal(enabled.Row.enabled_types, enabled.Row.profile_off);
        Assert.Equal(new[] { "client", "profile" }, enabled.Row.MissingSteps());

        await new Dintero.Connections.Rows.RowRunner<ApiClientRequest, Dintero.Connections.Models.ApiClientWithSecret>(new ApiClientSpec(partner), false).RunAsync(Merchant, null, new ApiClientRequest("Web shop", null, null, null).Checked(), CancellationToken.None);
        var client = await check.CheckAsync(Merchant, CancellationToken.None);
        Assert.True(client.Row.checkout_client);
        Assert.Equal("web-shop-t11200001", client.Row.checkout_client_id);
        Assert.Equal("profile", Assert.Single(client.Row.MissingSteps()));
        Assert.Equal($"profile: Set-DinteroPaymentProfile -AccountId {Merchant} -Enable {enabled.Row.profile_off}", client.Row.fix);

        await ProfileSwitches.Checked(enabled.Row.profile_off!.Split(new[] { ", " }, StringSplitOptions.None), null).ApplyAsync(partner, Merchant, "default", CancellationToken.None);
        var live = await check.CheckAsync(Merchant, CancellationToken.None);
        Assert.Equal(ReadinessVerdict.Live, live.Row.verdict);
        Assert.Equal(string.Empty, live.Row.missing);
        Assert.Equal(string.Empty, live.Row.fix);
        Assert.Equal(string.Empty, live.Row.profile_off);
    }

    [Fact]
    public async Task A_client_whose_grant_is_for_another_audience_or_scope_does_not_count()
    {
        await using var env = await TestEnvironment.StartAsync();
        var partner = env.PartnerApi();
        await new Dintero.Connections.Rows.RowRunner<ApiClientRequest, Dintero.Connections.Models.ApiClientWithSecret>(new ApiClientSpec(partner), false).RunAsync(Merchant, null, new ApiClientRequest("Reports", null, new[] { "read:accounts" }, null).Checked(), CancellationToken.None);

        var outcome = await new ReadinessCheck(partner).CheckAsync(Merchant, CancellationToken.None);

        Assert.False(outcome.Row.checkout_client);
    }

    [Fact]
    public async Task A_checkout_read_refused_makes_the_row_Unknown_with_the_reason_never_NotLive_for_that_step()
    {
        await using var env = await TestEnvironment.StartAsync(configure: options => options.ExchangedTokensWithoutCheckout = true);
        var partner = env.PartnerApi();
        await EnableCommonAsync(env, partner);
        await new Dintero.Connections.Rows.RowRunner<ApiClientRequest, Dintero.Connections.Models.ApiClientWithSecret>(new ApiClientSpec(partner), false).RunAsync(Merchant, null, new ApiClientRequest("Web shop", null, null, null).Checked(), CancellationToken.None);

        var outcome = await new ReadinessCheck(partner).CheckAsync(Merchant, CancellationToken.None);

        Assert.Equal(ReadinessVerdict.Unknown, outcome.Row.verdict);
        Assert.Null(outcome.Row.profile_off);
        Assert.StartsWith("payment profile: Dintero.Access.MissingScope", Assert.Single(outcome.Unreadable));
        Assert.Equal("unknown: payment profile", outcome.Row.missing);
        Assert.Equal(string.Empty, outcome.Row.fix);
    }

    [Fact]
    public async Task Every_kind_in_the_registry_has_its_own_status_column_in_the_row()
    {
        await using var env = await TestEnvironment.StartAsync();
        // The settings answer holds a connection of every kind the registry has, each in a status of its own, where
        // Dintero's settings hold that kind (payex under payex.creditcard): a kind added to the registry is in it too.
        var connections = new JsonObject();
        foreach (var kind in ConnectionKinds.All)
        {
            var node = connections;
            foreach (var key in kind.SettingsPath.Take(kind.SettingsPath.Count - 1)) node = (JsonObject)(node[key] ??= new JsonObject());
            node[kind.SettingsPath[kind.SettingsPath.Count - 1]] = new JsonObject { ["status"] = StatusOf(kind) };
        }
        var settings = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["account_id"] = Merchant, ["connections"] = connections };
        env.Emulator.Faults.Add(new Fault { Method = "GET", Path = "/v1/accounts/*/management/settings", Status = 200, Body = settings.ToJsonString() });

        var row = (await new ReadinessCheck(env.PartnerApi()).CheckAsync(Merchant, CancellationToken.None)).Row;

        foreach (var kind in ConnectionKinds.All)
        {
            // The column users see (the view's property, Export-Csv's header) is the kind's name in lower case.
            var column = typeof(MerchantReadiness).GetProperty(kind.Name.ToLowerInvariant());
            Assert.True(column != null, $"MerchantReadiness has no column {kind.Name.ToLowerInvariant()} for the {kind.Name} kind.");
            Assert.Equal(StatusOf(kind), column!.GetValue(row));
        }
    }

    private static string StatusOf(ConnectionKind kind) => $"status of {kind.Name}";

    [Fact]
    public async Task A_merchant_costs_the_reads_the_bench_counts_when_each_is_one_page()
    {
        await using var env = await TestEnvironment.StartAsync();
        var partner = env.PartnerApi();
        await partner.AuthenticateAsync(Merchant);
        env.Requests.Clear();

        await new ReadinessCheck(partner).CheckAsync(Merchant, CancellationToken.None);

        Assert.Equal(ReadinessCheck.Reads, env.Requests.Entries.Count);
    }

    private static CheckedApproval<PaymentApprovalSignup> Application(string method) => ApprovalChecks.Check(new PaymentApprovalSignup
    {
        products = new() { new ApprovalProduct { product = "checkout" } },
        payment_methods = new() { new ApprovalPaymentMethod { payment_method = method } },
        country_code = "NO",
        organization_number = "912345678",
        bank_accounts = new() { new ApprovalBankAccount { bank_account_currency = "NOK", payout_currency = "NOK" } },
    });

    [Fact]
    public async Task An_ACTIVE_payment_approval_counts_whatever_newer_case_the_account_applied_for_and_however_it_ends()
    {
        await using var env = await TestEnvironment.StartAsync();
        var partner = env.PartnerApi();
        var check = new ReadinessCheck(partner);
        var card = await partner.CreatePaymentApprovalAsync(Merchant, Application("creditcard"));
        env.Emulator.SetApprovalStatus(Merchant, card.id!, "ACTIVE");
        await Task.Delay(20); // the newer case is newer on the emulator's clock too
        var ipp = await partner.CreatePaymentApprovalAsync(Merchant, Application("ipp"));

        var inReview = (await check.CheckAsync(Merchant, CancellationToken.None)).Row;
        env.Emulator.SetApprovalStatus(Merchant, ipp.id!, "DECLINED");
        var declined = (await check.CheckAsync(Merchant, CancellationToken.None)).Row;

        foreach (var row in new[] { inReview, declined })
        {
            Assert.Equal("ACTIVE", row.payment_approval);
            Assert.Equal("dintero_psp.creditcard", row.enabled_types);
            Assert.DoesNotContain(ReadinessCheck.ApprovalStep, row.MissingSteps());
            Assert.DoesNotContain(ReadinessCheck.ConnectionStep, row.MissingSteps());
        }
    }

    [Fact]
    public async Task Without_an_ACTIVE_case_the_newest_case_is_the_one_shown()
    {
        await using var env = await TestEnvironment.StartAsync();
        var partner = env.PartnerApi();
        var declined = await partner.CreatePaymentApprovalAsync(Merchant, Application("creditcard"));
        env.Emulator.SetApprovalStatus(Merchant, declined.id!, "DECLINED");
        await Task.Delay(20);
        await partner.CreatePaymentApprovalAsync(Merchant, Application("creditcard"));

        var row = (await new ReadinessCheck(partner).CheckAsync(Merchant, CancellationToken.None)).Row;

        Assert.Equal("WAITING_FOR_DECLARATION", row.payment_approval);
        Assert.Equal(ReadinessCheck.ApprovalStep, row.MissingSteps().First());
        Assert.Equal(string.Empty, row.enabled_types);
    }
}
