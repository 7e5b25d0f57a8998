using Dintero.Connections.Errors;
using Dintero.Connections.Engine.Tests.Support;
using Dintero.Connections.Models;
using Dintero.Connections.Rows;
using Dintero.Connections.Webhooks;
using Dintero.Emulator.Faults;

namespace Dintero.Connections.Engine.Tests.Webhooks;

/// <summary>Subscriptions made once per row against the emulator: found and skipped, claimed once per input, a lost answer read back.</summary>
public sealed class WebhookSpecTests
{
    private const string Subscriptions = "/v1/accounts/*/hooks/subscriptions";

    /// <summary>A command's run of subscriptions: the engine's runner over the webhook spec, as New-DinteroWebhook makes it.</summary>
    private static RowRunner<WebhookSubscription, WebhookSubscription> Setup(Dintero.Connections.Http.DinteroApi partner, bool force = false) => new(new WebhookSpec(partner), force);

    private static WebhookSubscription Wanted(string url, params string[] events) => WebhookEvents.Check(events, url, null, false);

    private static int Posted(TestEnvironment env) => env.Requests.Count("POST", $"/accounts/{TestData.Merchant}/hooks/subscriptions");

    [Fact]
    public async Task A_subscription_like_one_there_is_skipped_and_force_makes_another()
    {
        await using var env = await TestEnvironment.StartAsync();
        var partner = env.PartnerApi();
        var url = new Uri(env.Emulator.RootUri, "_emulator/receiver/once").AbsoluteUri;

        var first = await Setup(partner).RunAsync(TestData.Merchant, 0, Wanted(url, "settlement_add", "account_update"), CancellationToken.None);
        var fewer = await Setup(partner).RunAsync(TestData.Merchant, 0, Wanted(url + "/", "account_update"), CancellationToken.None);
        var plan = await Setup(partner).PlanAsync(TestData.Merchant, 0, Wanted(url, "settlement_add"), CancellationToken.None);
        var more = await Setup(partner).RunAsync(TestData.Merchant, 0, Wanted(url, "settlement_add", "transaction"), CancellationToken.None);
        var forced = await Setup(partner, force: true).RunAsync(TestData.Merchant, 0, Wanted(url, "account_update"), CancellationToken.None);

        Assert.Equal(RowOutcome.Created, first.Outcome);
        Assert.Equal(RowOutcome.Skipped, fewer.Outcome);
        Assert.Equal(first.Made!.id, fewer.Made!.id);
        Assert.Contains($"subscription {first.Made.id} delivers to", fewer.Reason);
        Assert.Equal(RowOutcome.WouldSkip, plan.Outcome);
        Assert.Equal(RowOutcome.Created, more.Outcome); // an event the first lacks
        Assert.Equal(RowOutcome.Created, forced.Outcome);
        Assert.Equal(3, Posted(env));
    }

    [Fact]
    public async Task An_input_that_names_an_account_twice_for_one_subscription_sends_it_once_and_the_plan_says_so()
    {
        await using var env = await TestEnvironment.StartAsync();
        var partner = env.PartnerApi();
        var url = new Uri(env.Emulator.RootUri, "_emulator/receiver/twice").AbsoluteUri;
        var run = Setup(partner);
        var plan = Setup(partner);

        var planned = new[] { await plan.PlanAsync(TestData.Merchant, 0, Wanted(url, "account_update"), CancellationToken.None), await plan.PlanAsync(TestData.Merchant, 1, Wanted(url + "/", "account_update"), CancellationToken.None) };
        var first = await run.RunAsync(TestData.Merchant, 0, Wanted(url, "account_update"), CancellationToken.None);
        var again = await run.RunAsync(TestData.Merchant, 1, Wanted(url.ToUpperInvariant().Replace("HTTP://", "http://"), "account_update"), CancellationToken.None);
        var other = await Assert.ThrowsAsync<DinteroValidationException>(() => run.RunAsync(TestData.Merchant, 2, Wanted(url, "settlement_add"), CancellationToken.None));

        Assert.Equal(new[] { RowOutcome.WouldCreate, RowOutcome.WouldSkip }, planned.Select(result => result.Outcome).ToArray());
        Assert.Equal(RowOutcome.Created, first.Outcome);
        Assert.Equal(RowOutcome.Skipped, again.Outcome);
        Assert.Contains($"names account {TestData.Merchant} more than once; pipeline item 0 sends the subscription to", again.Reason);
        Assert.Contains("give the URL's events in one row", other.Message); // the same URL with other events: refused, not a second subscription
        Assert.Equal(1, Posted(env));
    }

    [Fact]
    public async Task Rows_of_one_input_for_one_URL_are_one_subscription_a_row_with_events_the_first_lacks_is_refused_before_sending()
    {
        await using var env = await TestEnvironment.StartAsync();
        var partner = env.PartnerApi();
        var url = new Uri(env.Emulator.RootUri, "_emulator/receiver/overlap").AbsoluteUri;
        var plan = Setup(partner);
        var run = Setup(partner);

        var planned = await plan.PlanAsync(TestData.Merchant, 0, Wanted(url, "settlement_add", "checkout_transaction"), CancellationToken.None);
        var plannedSubset = await plan.PlanAsync(TestData.Merchant, 1, Wanted(url, "settlement_add"), CancellationToken.None);
        var plannedMore = Assert.Throws<DinteroValidationException>(() => plan.PlanAsync(TestData.Merchant, 2, Wanted(url, "settlement_add", "transaction"), CancellationToken.None).GetAwaiter().GetResult());
        var first = await run.RunAsync(TestData.Merchant, 0, Wanted(url, "settlement_add", "checkout_transaction"), CancellationToken.None);
        var subset = await run.RunAsync(TestData.Merchant, 1, Wanted(url, "settlement_add"), CancellationToken.None);
        var more = await Assert.ThrowsAsync<DinteroValidationException>(() => run.RunAsync(TestData.Merchant, 2, Wanted(url, "settlement_add", "transaction"), CancellationToken.None));

        Assert.Equal(new[] { RowOutcome.WouldCreate, RowOutcome.WouldSkip }, new[] { planned.Outcome, plannedSubset.Outcome });
        Assert.Equal(RowOutcome.Created, first.Outcome);
        Assert.Equal(RowOutcome.Skipped, subset.Outcome);
        Assert.Equal(plannedMore.Message, more.Message);
        var problem = Assert.Single(more.Problems);
        Assert.Equal("Event", problem.Path);
        Assert.Contains($"pipeline item 0 subscribes {url} to settlement_add, checkout_transaction, and this row asks for transaction too: give the URL's events in one row", problem.Message);
        Assert.Equal(1, Posted(env));
    }

    [Fact]
    public async Task A_lost_answer_is_not_proved_by_a_subscription_with_more_events_made_meanwhile()
    {
        await using var env = await TestEnvironment.StartAsync();
        var partner = env.PartnerApi();
        var url = new Uri(env.Emulator.RootUri, "_emulator/receiver/meanwhile").AbsoluteUri;
        // This row's send is lost before Dintero stores it; meanwhile another subscription to the URL, with more events, is made.
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Subscriptions, Drop = true, DelayMilliseconds = 1500 });
        var row = Setup(partner).RunAsync(TestData.Merchant, 0, Wanted(url, "settlement_add"), CancellationToken.None);
        await Task.Delay(300);
        var other = await partner.CreateWebhookAsync(TestData.Merchant, Wanted(url, "settlement_add", "checkout_transaction"));

        var failure = await env.FailsWith<DinteroReadBackException>(() => row);

        Assert.Equal(ReadBackFinding.NotStored, failure.Finding);
        Assert.Contains("no subscription to " + url + " with exactly its events made since it was sent", failure.Description);
        Assert.DoesNotContain(other.id!, failure.Message);
        Assert.Equal(2, Posted(env));
    }

    [Fact]
    public async Task Dintero_s_message_and_the_read_back_are_two_sentences()
    {
        await using var env = await TestEnvironment.StartAsync();
        var partner = env.PartnerApi();
        var url = new Uri(env.Emulator.RootUri, "_emulator/receiver/fivehundred").AbsoluteUri;
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Subscriptions, Status = 500 });

        var failure = await env.FailsWith<DinteroReadBackException>(() => Setup(partner).RunAsync(TestData.Merchant, 0, Wanted(url, "settlement_add"), CancellationToken.None));

        Assert.Matches(@"[.!?] Reading the account's subscriptions back found", failure.Description);
    }

    [Fact]
    public async Task A_subscription_whose_answer_was_lost_is_read_back_and_not_sent_again()
    {
        await using var env = await TestEnvironment.StartAsync();
        var partner = env.PartnerApi();
        var url = new Uri(env.Emulator.RootUri, "_emulator/receiver/lost").AbsoluteUri;
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Subscriptions, Drop = true, AfterProcessing = true });

        var result = await Setup(partner).RunAsync(TestData.Merchant, 0, Wanted(url, "account_update"), CancellationToken.None);

        Assert.Equal(RowOutcome.Created, result.Outcome);
        Assert.Contains("Dintero's answer was lost; reading the account's subscriptions back found subscription", result.Reason);
        Assert.Equal(url, result.Made!.config!.url);
        Assert.Equal(1, Posted(env));
    }

    [Fact]
    public async Task A_subscription_lost_before_Dintero_stored_it_fails_the_row_so_the_next_run_sends_it()
    {
        await using var env = await TestEnvironment.StartAsync();
        var partner = env.PartnerApi();
        var url = new Uri(env.Emulator.RootUri, "_emulator/receiver/never").AbsoluteUri;
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Subscriptions, Drop = true });

        var failure = await env.FailsWith<DinteroReadBackException>(() => Setup(partner).RunAsync(TestData.Merchant, 0, Wanted(url, "account_update"), CancellationToken.None));
        var again = await Setup(partner).RunAsync(TestData.Merchant, 0, Wanted(url, "account_update"), CancellationToken.None);

        Assert.Equal(ReadBackFinding.NotStored, failure.Finding);
        Assert.Equal(RowOutcome.Failed, RowReport.OutcomeOf(failure));
        Assert.Contains("this subscription was not stored", failure.Description);
        Assert.Equal(RowOutcome.Created, again.Outcome);
    }

    [Fact]
    public async Task A_subscription_Dintero_deleted_after_failed_deliveries_is_not_taken_for_the_one_wanted()
    {
        await using var env = await TestEnvironment.StartAsync(configure: options => options.HookDeletedAfterFailures = 1);
        var partner = env.PartnerApi();
        var url = new Uri(env.Emulator.RootUri, "_emulator/receiver/down/500").AbsoluteUri;
        var first = await Setup(partner).RunAsync(TestData.Merchant, 0, Wanted(url, "settlement_add"), CancellationToken.None);
        await WebhookTests.Eventually(async () =>
        {
            try { await partner.GetWebhookAsync(TestData.Merchant, first.Made!.id!); return null; }
            catch (DinteroApiException notFound) when (notFound.StatusCode == 404) { return notFound; }
        });

        var again = await Setup(partner).RunAsync(TestData.Merchant, 0, Wanted(url, "settlement_add"), CancellationToken.None);

        Assert.Equal(RowOutcome.Created, again.Outcome);
        Assert.NotEqual(first.Made!.id, again.Made!.id);
    }
}
