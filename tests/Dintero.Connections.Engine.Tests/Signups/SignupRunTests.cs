using Dintero.Connections.Errors;
using Dintero.Connections.Kinds;
using Dintero.Connections.Models;
using Dintero.Connections.Signups;
using Dintero.Connections.Engine.Tests.Support;
using Dintero.Emulator.Faults;

namespace Dintero.Connections.Engine.Tests.Signups;

/// <summary>Signups that are safe to run again, over real HTTP against the emulator: no second signup, lost answers settled.</summary>
public sealed class SignupRunTests
{
    private const string Common = "/v1/accounts/*/management/settings/connections/common";

    private static int Stored(TestEnvironment env, string accountId) =>
        env.Requests.Entries.Count(entry => entry.Method == "POST" && entry.Path == $"/v1/accounts/{accountId}/management/settings/connections/common" && entry.Status == 200);

    private static Task<SignupOutcome<CommonConnection>> SignUp(SignupRun run, Dintero.Connections.Http.DinteroClient client, string accountId, int row = 0) =>
        run.SignUpAsync(ConnectionKinds.Common, accountId, row, token => client.CreateCommonConnectionAsync(accountId, TestData.CommonSignup(), token), CancellationToken.None);

    [Fact]
    public async Task A_merchant_account_s_own_pending_connection_is_skipped_on_the_next_run_and_a_forced_run_sends_it()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Client();

        var first = await SignUp(new SignupRun(client, force: false), client, TestData.AccountId);
        var second = await SignUp(new SignupRun(client, force: false), client, TestData.AccountId);
        var forced = await SignUp(new SignupRun(client, force: true), client, TestData.AccountId);

        Assert.Equal(SignupResult.Created, first.Result);
        Assert.Equal(SignupResult.Skipped, second.Result);
        Assert.Equal("pending", second.Status);
        Assert.Contains("has a Common connection already (pending)", second.Reason);
        Assert.Equal(SignupResult.Created, forced.Result);
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
        var client = env.PartnerClient();
        var merchants = env.Emulator.Options.Partners[TestData.PartnerId].Skip(3).Take(6).ToList();
        foreach (var merchant in merchants.Take(3)) await client.CreateCommonConnectionAsync(merchant, TestData.CommonSignup());
        env.Emulator.MoveConnection(merchants[1], "common", "enabled");
        env.Emulator.MoveConnection(merchants[2], "common", "declined");
        env.Requests.Clear();
        var run = new SignupRun(client, force: false);

        var outcomes = await Task.WhenAll(merchants.Select((merchant, row) => SignUp(run, client, merchant, row)));

        Assert.Equal(new[] { SignupResult.Skipped, SignupResult.Skipped, SignupResult.Created, SignupResult.Created, SignupResult.Created, SignupResult.Created }, outcomes.Select(o => o.Result).ToArray());
        Assert.Equal(new[] { "pending", "enabled" }, outcomes.Take(2).Select(o => o.Status));
        Assert.Equal(1, env.Requests.Count("GET", "/management/accounts"));
        Assert.Contains("connections=common", env.Requests.Entries.Single(e => e.Path.EndsWith("/management/accounts")).Query);
        Assert.Equal(1, run.CheckRequests);
        Assert.Equal(0, Stored(env, merchants[0]));
        Assert.Equal(1, Stored(env, merchants[2])); // declined: signed up again
    }

    [Fact]
    public async Task A_lost_answer_is_settled_by_reading_back_found_stored_it_is_created()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Common, Drop = true, AfterProcessing = true });
        var client = env.Client();

        var outcome = await SignUp(new SignupRun(client, force: false), client, TestData.AccountId);

        Assert.Equal(SignupResult.Created, outcome.Result);
        Assert.Equal("pending", outcome.Connection!.status);
        Assert.Contains("reading the connection back found it stored", outcome.Reason);
        Assert.Equal(1, Stored(env, TestData.AccountId));
        Assert.Equal(1, env.Requests.Count("GET", "/connections/common"));
    }

    [Fact]
    public async Task A_500_on_the_POST_read_back_as_not_stored_fails_the_row_saying_the_next_run_sends_it()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Common, Status = 500 });
        var client = env.Client();

        var error = await env.FailsWith<DinteroApiException>(() => SignUp(new SignupRun(client, force: false), client, TestData.AccountId));

        Assert.Equal(500, error.StatusCode);
        Assert.Contains("found none: the signup was not stored, so the next run sends it", error.Hint);
        Assert.Equal(RunReport.Failed, RunReport.OfFailure(0, TestData.AccountId, "Common", error, null)[1].Value);
        Assert.Equal(0, Stored(env, TestData.AccountId));
    }

    [Fact]
    public async Task A_lost_answer_that_cannot_be_read_back_stays_unknown_and_is_never_sent_again()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Common, Drop = true, AfterProcessing = true });
        env.Emulator.Faults.Add(new Fault { Method = "GET", Path = Common, Status = 503, Times = -1 });
        var client = env.Client();

        var error = await env.FailsWith<DinteroTransportException>(() => SignUp(new SignupRun(client, force: false), client, TestData.AccountId));

        Assert.Equal("Dintero.Transport.OutcomeUnknown", error.ErrorId);
        Assert.Contains("reading the Common connection back failed too", error.Message);
        Assert.Equal(RunReport.Unknown, RunReport.OfFailure(0, TestData.AccountId, "Common", error, null)[1].Value);
        Assert.Equal(1, env.Requests.Count("POST", "/connections/common"));
    }

    [Fact]
    public async Task An_input_that_names_an_account_twice_sends_it_once_unless_forced()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Client();
        var run = new SignupRun(client, force: false);

        var first = await SignUp(run, client, TestData.AccountId, row: 3);
        var second = await SignUp(run, client, TestData.AccountId, row: 7);
        var forced = await SignUp(new SignupRun(client, force: true), client, TestData.AccountId, row: 8);

        Assert.Equal(SignupResult.Created, first.Result);
        Assert.Equal(SignupResult.Skipped, second.Result);
        Assert.Contains("pipeline item 3 sends its Common signup", second.Reason);
        Assert.Equal(SignupResult.Created, forced.Result);
        Assert.Equal(2, Stored(env, TestData.AccountId));
    }
}
