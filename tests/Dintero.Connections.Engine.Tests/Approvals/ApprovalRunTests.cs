using Dintero.Connections.Approvals;
using Dintero.Connections.Engine.Tests.Support;
using Dintero.Connections.Errors;
using Dintero.Connections.Models;
using Dintero.Connections.Rows;
using Dintero.Emulator.Faults;

namespace Dintero.Connections.Engine.Tests.Approvals;

/// <summary>
/// A run of applications. A lost answer to an application, read back: a case that was there before the send (opened a second earlier, which
/// Dintero's clock cannot tell from a new one) never proves it; only a case the run did not know of does.
/// </summary>
public sealed class ApprovalRunTests
{
    private const string Merchant = TestData.Merchant;
    private const string Payments = "/v1/accounts/*/management/settings/approvals/payments";
    private const string Sellers = "/v1/accounts/*/management/settings/approvals/payout-destinations";

    private static CheckedApproval<PaymentApprovalSignup> Application() => ApprovalChecks.Check(new PaymentApprovalSignup
    {
        products = new() { new ApprovalProduct { product = "checkout" } },
        payment_methods = new() { new ApprovalPaymentMethod { payment_method = "creditcard" } },
        country_code = "NO",
        organization_number = "912345678",
        bank_accounts = new() { new ApprovalBankAccount { bank_account_currency = "NOK", payout_currency = "NOK" } },
    });

    private static CheckedApproval<PayoutDestinationSignup> Seller() => ApprovalChecks.Check(new PayoutDestinationSignup
    {
        payout_destination_id = "seller-1",
        payout_reference = "Seller 1",
        country_code = "NO",
        organization_number = "912345678",
        bank_accounts = new() { new ApprovalBankAccount { bank_account_currency = "NOK", payout_currency = "NOK" } },
    });

    private static Task<RowResult<PaymentApproval>> Apply(Dintero.Connections.Http.DinteroApi api, bool force) =>
        new RowRunner<CheckedApproval<PaymentApprovalSignup>, PaymentApproval>(new PaymentApprovalSpec(api), force).RunAsync(Merchant, 0, Application(), CancellationToken.None);

    private static Task<RowResult<PayoutDestination>> ApplyForSeller(Dintero.Connections.Http.DinteroApi api, bool force) =>
        new RowRunner<CheckedApproval<PayoutDestinationSignup>, PayoutDestination>(new PayoutDestinationSpec(api), force).RunAsync(Merchant, 0, Seller(), CancellationToken.None);

    [Fact]
    public async Task A_forced_application_refused_with_a_500_a_moment_after_an_earlier_case_is_not_created()
    {
        await using var env = await TestEnvironment.StartAsync();
        var api = env.PartnerApi();
        var first = await Apply(api, force: false);
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Payments, Status = 500 });

        var error = await env.FailsWith<DinteroReadBackException>(() => Apply(api, force: true));

        Assert.Equal(RowOutcome.Created, first.Outcome);
        Assert.Equal(ReadBackFinding.NotStored, error.Finding);
        Assert.DoesNotContain(first.Made!.id!, error.Description);
        Assert.Single(await api.ListPaymentApprovalsAsync(Merchant, null));
    }

    [Fact]
    public async Task An_application_after_a_declined_case_refused_with_a_500_is_not_taken_for_the_declined_one()
    {
        // Without -Force: the skip rule's read knew the declined case, which does not block a new application.
        await using var env = await TestEnvironment.StartAsync();
        var api = env.PartnerApi();
        var first = await Apply(api, force: false);
        env.Emulator.SetApprovalStatus(Merchant, first.Made!.id!, "DECLINED");
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Payments, Status = 500 });

        var error = await env.FailsWith<DinteroReadBackException>(() => Apply(api, force: false));

        Assert.Equal(ReadBackFinding.NotStored, error.Finding);
    }

    [Fact]
    public async Task A_forced_application_whose_answer_was_lost_after_it_was_stored_is_created_as_the_new_case()
    {
        await using var env = await TestEnvironment.StartAsync();
        var api = env.PartnerApi();
        var first = await Apply(api, force: false);
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Payments, Drop = true, AfterProcessing = true });

        var second = await Apply(api, force: true);

        Assert.Equal(RowOutcome.Created, second.Outcome);
        Assert.NotEqual(first.Made!.id, second.Made!.id);
        Assert.Equal(2, (await api.ListPaymentApprovalsAsync(Merchant, null)).Count);
        Assert.Equal(2, env.Requests.Count("POST", "/approvals/payments"));
    }

    [Fact]
    public async Task A_forced_seller_application_refused_with_a_500_a_moment_after_an_earlier_case_is_not_created()
    {
        await using var env = await TestEnvironment.StartAsync();
        var api = env.PartnerApi();
        var first = await ApplyForSeller(api, force: false);
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Sellers, Status = 500 });

        var error = await env.FailsWith<DinteroReadBackException>(() => ApplyForSeller(api, force: true));

        Assert.Equal(RowOutcome.Created, first.Outcome);
        Assert.Equal(ReadBackFinding.NotStored, error.Finding);
        Assert.Single(await api.ListPayoutDestinationsAsync(Merchant, "seller-1", null));
    }

    [Fact]
    public async Task A_seller_named_twice_in_one_input_is_sent_once_and_the_repeat_names_the_seller()
    {
        await using var env = await TestEnvironment.StartAsync();
        var run = new RowRunner<CheckedApproval<PayoutDestinationSignup>, PayoutDestination>(new PayoutDestinationSpec(env.PartnerApi()), force: false);

        var first = await run.RunAsync(Merchant, 0, Seller(), CancellationToken.None);
        var again = await run.RunAsync(Merchant, 1, Seller(), CancellationToken.None);

        Assert.Equal((RowOutcome.Created, RowOutcome.Skipped), (first.Outcome, again.Outcome));
        Assert.Equal($"the input names the seller seller-1 under account {Merchant} more than once; pipeline item 0 sends its application", again.Reason);
        Assert.Equal(1, env.Requests.Count("POST", "/approvals/payout-destinations"));
    }
}
