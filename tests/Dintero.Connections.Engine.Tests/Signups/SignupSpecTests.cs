using Dintero.Connections.Errors;
using Dintero.Connections.Kinds;
using Dintero.Connections.Models;
using Dintero.Connections.Rows;
using Dintero.Connections.Signups;
using Dintero.Connections.Engine.Tests.Support;
using Dintero.Emulator.Faults;

namespace Dintero.Connections.Engine.Tests.Signups;

/// <summary>Signups that are safe to run again, over real HTTP against the emulator: no second signup, lost answers settled.</summary>
public sealed class SignupSpecTests
{
    private const string Common = "/v1/accounts/*/management/settings/connections/common";

    private static int Stored(TestEnvironment env, string accountId) =>
        env.Requests.Entries.Count(entry => entry.Method == "POST" && entry.Path == $"/v1/accounts/{accountId}/management/settings/connections/common" && entry.Status == 200);

    /// <summary>A command's run of Common signups: the engine's runner over the signup spec, as New-DinteroCommonConnection makes it.</summary>
    private static RowRunner<SignupAsk<CommonConnection>, CommonConnection> CommonRun(Dintero.Connections.Http.DinteroApi client, bool force) =>
        new(new SignupSpec<CommonConnection>(client, ConnectionKinds.Common), force);

    private static SignupAsk<CommonConnection> Ask(Dintero.Connections.Http.DinteroApi client, string accountId, CommonConnectionSignup? signup = null)
    {
        var checkedSignup = ConnectionKinds.Common.Check(signup ?? TestData.CommonSignup());
        return new SignupAsk<CommonConnection>(checkedSignup.Signup, token => client.CreateConnectionAsync(checkedSignup, accountId, token));
    }

    private static Task<RowResult<CommonConnection>> SignUp(RowRunner<SignupAsk<CommonConnection>, CommonConnection> run, Dintero.Connections.Http.DinteroApi client, string accountId, int row = 0, CommonConnectionSignup? signup = null) =>
        run.RunAsync(accountId, row, Ask(client, accountId, signup), CancellationToken.None);

    /// <summary>The same signup with other payment options: what a -Force run over an existing connection sends.</summary>
    private static CommonConnectionSignup Changed()
    {
        var signup = TestData.CommonSignup();
        signup.payment_options = new() { new PaymentOption { type = "vipps", currencies = new() { "NOK" } } };
        return signup;
    }

    private static string? StoredPaymentOption(TestEnvironment env, string accountId) =>
        env.Emulator.StoredConnection(accountId, "common")["signup"]?["payment_options"]?[0]?["type"]?.GetValue<string>();

    [Fact]
    public async Task A_merchant_account_s_own_pending_connection_is_skipped_on_the_next_run_and_a_forced_run_sends_it()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Api();

        var first = await SignUp(CommonRun(client, force: false), client, TestData.AccountId);
        var second = await SignUp(CommonRun(client, force: false), client, TestData.AccountId);
        var forced = await SignUp(CommonRun(client, force: true), client, TestData.AccountId);

        Assert.Equal(RowOutcome.Created, first.Outcome);
        Assert.Equal(RowOutcome.Skipped, second.Outcome);
        Assert.Equal("pending", second.Made?.status);
        Assert.Contains("has a Common connection already (pending)", second.Reason);
        Assert.Equal(RowOutcome.Created, forced.Outcome);
        Assert.Equal(2, Stored(env, TestData.AccountId));
        // A merchant's own account is read once per run, from its settings; a forced run reads nothing.
        Assert.Equal(2, env.Requests.Count("GET", "/management/settings"));
    }

    [Fact]
    public async Task A_partner_s_run_reads_its_merchants_with_the_kind_once_and_skips_those_pending_or_enabled()
    {
        await using var env = await TestEnvironment.StartAsync(configure: options =>
        {
            var merchants = options.AddPartner(TestData.PartnerId, 6);
            options.AccountsWithOrganizationNumber.AddRange(merchants);
        });
        var client = env.PartnerApi();
        var merchants = env.Emulator.Options.Partners[TestData.PartnerId].Skip(3).Take(6).ToList();
        foreach (var merchant in merchants.Take(3)) await client.CreateCommonConnectionAsync(merchant, TestData.CommonSignup());
        env.Emulator.MoveConnection(merchants[1], "common", "enabled");
        env.Emulator.MoveConnection(merchants[2], "common", "declined");
        env.Requests.Clear();
        var run = CommonRun(client, force: false);

        var outcomes = await Task.WhenAll(merchants.Select((merchant, row) => SignUp(run, client, merchant, row)));

        Assert.Equal(new[] { RowOutcome.Skipped, RowOutcome.Skipped, RowOutcome.Created, RowOutcome.Created, RowOutcome.Created, RowOutcome.Created }, outcomes.Select(o => o.Outcome).ToArray());
        Assert.Equal(new[] { "pending", "enabled" }, outcomes.Take(2).Select(o => o.Made?.status));
        Assert.Equal(1, env.Requests.Count("GET", "/management/accounts"));
        Assert.Contains("connections=common", env.Requests.Entries.Single(e => e.Path.EndsWith("/management/accounts")).Query);
        Assert.Equal(1, ((SignupSpec<CommonConnection>)run.Spec).CheckRequests);
        Assert.Equal(0, Stored(env, merchants[0]));
        Assert.Equal(1, Stored(env, merchants[2])); // declined: signed up again
    }

    [Fact]
    public async Task A_lost_answer_is_settled_by_reading_back_found_stored_it_is_created()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Common, Drop = true, AfterProcessing = true });
        var client = env.Api();

        var outcome = await SignUp(CommonRun(client, force: false), client, TestData.AccountId);

        Assert.Equal(RowOutcome.Created, outcome.Outcome);
        Assert.Equal("pending", outcome.Made!.status);
        Assert.Contains("reading the Common connection back found this signup stored at", outcome.Reason);
        Assert.Equal(1, Stored(env, TestData.AccountId));
        Assert.Equal(1, env.Requests.Count("GET", "/connections/common"));
    }

    [Fact]
    public async Task A_500_on_the_POST_read_back_as_not_stored_fails_the_row_saying_the_next_run_sends_it()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Common, Status = 500 });
        var client = env.Api();

        var error = await env.FailsWith<DinteroReadBackException>(() => SignUp(CommonRun(client, force: false), client, TestData.AccountId));

        Assert.Equal(ReadBackFinding.NotStored, error.Finding);
        Assert.Equal(500, Assert.IsType<DinteroApiException>(error.Lost).StatusCode);
        Assert.StartsWith("Dintero.Api.500", error.ErrorId);
        Assert.Contains("Dintero answered 500 to POST", error.Message);
        Assert.Contains("found none: this signup was not stored.", error.Description);
        Assert.Equal("Run the same input again: it sends this signup.", error.Advice);
        Assert.Equal(RowOutcome.Failed, RowReport.OutcomeOf(error));
        Assert.Equal(0, Stored(env, TestData.AccountId));
    }

    [Fact]
    public async Task A_forced_re_signup_whose_POST_fails_over_a_pending_connection_is_not_created()
    {
        // The connection found is the one that was there before: it proves nothing about this signup.
        await using var env = await TestEnvironment.StartAsync(manualClock: true);
        var client = env.Api();
        await SignUp(CommonRun(client, force: false), client, TestData.AccountId);
        env.Clock!.Advance(TimeSpan.FromMinutes(5));
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Common, Status = 500 });

        var error = await env.FailsWith<DinteroReadBackException>(() => SignUp(CommonRun(client, force: true), client, TestData.AccountId, signup: Changed()));

        Assert.Equal(ReadBackFinding.NotStored, error.Finding);
        Assert.Contains("found the connection as it was (pending, its signup stored at", error.Description);
        Assert.Contains("-Force", error.Advice);
        Assert.Equal(RowOutcome.Failed, RowReport.OutcomeOf(error));
        Assert.Equal("dintero.zero", StoredPaymentOption(env, TestData.AccountId));
    }

    [Fact]
    public async Task A_forced_re_signup_whose_answer_was_lost_after_it_was_stored_is_created()
    {
        await using var env = await TestEnvironment.StartAsync(manualClock: true);
        var client = env.Api();
        await SignUp(CommonRun(client, force: false), client, TestData.AccountId);
        env.Clock!.Advance(TimeSpan.FromMinutes(5));
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Common, Drop = true, AfterProcessing = true });

        var outcome = await SignUp(CommonRun(client, force: true), client, TestData.AccountId, signup: Changed());

        Assert.Equal(RowOutcome.Created, outcome.Outcome);
        Assert.Equal("vipps", outcome.Made!.signup!.payment_options![0].type);
        Assert.Equal("vipps", StoredPaymentOption(env, TestData.AccountId));
    }

    [Fact]
    public async Task The_same_signup_forced_again_and_refused_with_a_500_is_not_taken_for_the_earlier_one()
    {
        // Equal to what was sent, but stored before it was sent: the earlier signup, not this one.
        await using var env = await TestEnvironment.StartAsync(manualClock: true);
        var client = env.Api();
        await SignUp(CommonRun(client, force: false), client, TestData.AccountId);
        env.Clock!.Advance(TimeSpan.FromMinutes(5));
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Common, Status = 503 });

        var error = await env.FailsWith<DinteroReadBackException>(() => SignUp(CommonRun(client, force: true), client, TestData.AccountId));

        Assert.Equal(ReadBackFinding.NotStored, error.Finding);
        Assert.Equal(1, Stored(env, TestData.AccountId));
    }

    [Theory]
    [InlineData(-10)] // this machine's clock ten minutes ahead of Dintero's
    [InlineData(10)]  // and ten minutes behind it
    public async Task The_read_back_judges_by_Dintero_s_clock_whatever_this_machine_s_says(int dinteroAheadMinutes)
    {
        await using var env = await TestEnvironment.StartAsync(manualClock: true, options => options.ManualClockStart += TimeSpan.FromMinutes(dinteroAheadMinutes));
        var client = env.Api();
        await SignUp(CommonRun(client, force: false), client, TestData.AccountId);
        env.Clock!.Advance(TimeSpan.FromMinutes(1));
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Common, Status = 500 });
        var refused = await env.FailsWith<DinteroReadBackException>(() => SignUp(CommonRun(client, force: true), client, TestData.AccountId));
        env.Clock.Advance(TimeSpan.FromMinutes(1));
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Common, Drop = true, AfterProcessing = true });

        var lost = await SignUp(CommonRun(client, force: true), client, TestData.AccountId);

        // Compared with this machine's clock, a skew either way would take the earlier signup for this one, or this one for the earlier.
        Assert.Equal(ReadBackFinding.NotStored, refused.Finding);
        Assert.Equal(RowOutcome.Created, lost.Outcome);
        Assert.Equal(TimeSpan.FromMinutes(dinteroAheadMinutes), client.ServerClock.Offset);
    }

    [Fact]
    public async Task A_declined_connection_signed_up_again_and_refused_is_found_as_it_was()
    {
        await using var env = await TestEnvironment.StartAsync(manualClock: true);
        var client = env.Api();
        await SignUp(CommonRun(client, force: false), client, TestData.AccountId);
        env.Emulator.MoveConnection(TestData.AccountId, "common", "declined");
        env.Clock!.Advance(TimeSpan.FromMinutes(5));
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Common, Status = 500 });

        var error = await env.FailsWith<DinteroReadBackException>(() => SignUp(CommonRun(client, force: false), client, TestData.AccountId));

        Assert.Equal(ReadBackFinding.NotStored, error.Finding);
        Assert.Contains("found the connection as it was (declined", error.Description);
        Assert.Equal("Run the same input again: it sends this signup.", error.Advice);
    }

    [Fact]
    public async Task A_lost_answer_that_cannot_be_read_back_stays_unknown_and_is_never_sent_again()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Common, Drop = true, AfterProcessing = true });
        env.Emulator.Faults.Add(new Fault { Method = "GET", Path = Common, Status = 503, Times = -1 });
        var client = env.Api();

        var error = await env.FailsWith<DinteroReadBackException>(() => SignUp(CommonRun(client, force: false), client, TestData.AccountId));

        Assert.Equal("Dintero.Transport.OutcomeUnknown", error.ErrorId);
        Assert.Equal(ReadBackFinding.CannotTell, error.Finding);
        Assert.IsType<DinteroTransportException>(error.Lost);
        Assert.Contains("Reading the Common connection back failed too (Dintero.Api.503", error.Message);
        Assert.Equal(RowOutcome.Unknown, RowReport.OutcomeOf(error));
        Assert.Equal(1, env.Requests.Count("POST", "/connections/common"));
    }

    [Fact]
    public async Task A_plan_decides_each_row_as_the_run_would_and_sends_nothing()
    {
        await using var env = await TestEnvironment.StartAsync(configure: options =>
        {
            var merchants = options.AddPartner(TestData.PartnerId, 3);
            options.AccountsWithOrganizationNumber.AddRange(merchants);
        });
        var client = env.PartnerApi();
        var merchants = env.Emulator.Options.Partners[TestData.PartnerId].Skip(3).Take(3).ToList();
        await client.CreateConnectionAsync(ConnectionKinds.Common.Check(TestData.CommonSignup()), merchants[0]);
        env.Requests.Clear();
        var run = CommonRun(client, force: false);

        var plans = new List<RowResult<CommonConnection>>();
        foreach (var (merchant, row) in merchants.Append(merchants[2]).Select((merchant, row) => (merchant, row))) plans.Add(await run.PlanAsync(merchant, row, Ask(client, merchant), CancellationToken.None));

        Assert.Equal(new[] { RowOutcome.WouldSkip, RowOutcome.WouldCreate, RowOutcome.WouldCreate, RowOutcome.WouldSkip }, plans.Select(p => p.Outcome).ToArray());
        Assert.Contains("has a Common connection already (pending)", plans[0].Reason);
        Assert.Contains("pipeline item 2 sends the Common signup", plans[3].Reason);
        Assert.Equal(0, env.Requests.Count("POST", "/connections/common"));
        Assert.Equal(1, env.Requests.Count("GET", "/management/accounts"));
    }

    [Fact]
    public async Task An_input_that_names_an_account_twice_sends_it_once_unless_forced()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Api();
        var run = CommonRun(client, force: false);

        var first = await SignUp(run, client, TestData.AccountId, row: 3);
        var second = await SignUp(run, client, TestData.AccountId, row: 7);
        var forced = await SignUp(CommonRun(client, force: true), client, TestData.AccountId, row: 8);

        Assert.Equal(RowOutcome.Created, first.Outcome);
        Assert.Equal(RowOutcome.Skipped, second.Outcome);
        Assert.Contains("pipeline item 3 sends the Common signup", second.Reason);
        Assert.Equal(RowOutcome.Created, forced.Outcome);
        Assert.Equal(2, Stored(env, TestData.AccountId));
    }
}
