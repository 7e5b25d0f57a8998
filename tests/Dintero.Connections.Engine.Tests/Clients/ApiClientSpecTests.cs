using Dintero.Connections.Auth;
using Dintero.Connections.Clients;
using Dintero.Connections.Errors;
using Dintero.Connections.Engine.Tests.Support;
using Dintero.Connections.Models;
using Dintero.Connections.Rows;
using Dintero.Emulator.Faults;

namespace Dintero.Connections.Engine.Tests.Clients;

/// <summary>
/// A merchant's shop client made in Dintero's two steps against the emulator, as the partner makes it: never a client
/// left without a grant, never a second client on a run again, and the secret only in the outcome.
/// </summary>
public sealed class ApiClientSpecTests
{
    /// <summary>A command's run of API clients: the engine's runner over the client spec, as New-DinteroApiClient makes it.</summary>
    private static RowRunner<ApiClientRequest, ApiClientWithSecret> Setup(Dintero.Connections.Http.DinteroApi partner, bool force) => new(new ApiClientSpec(partner), force);

    private const string Merchant = TestData.Merchant;
    private const string Grants = "/v1/accounts/*/auth/client-grants";
    private static ApiClientRequest Shop() => new ApiClientRequest("Web shop", null, null, null).Checked();

    private static Task<IReadOnlyList<ApiClient>> Clients(Dintero.Connections.Http.DinteroApi client) => client.ListApiClientsWithGrantsAsync(Merchant);

    [Fact]
    public async Task Makes_the_client_and_a_grant_that_names_it_by_its_id_and_the_new_credentials_reach_the_merchant_s_checkout()
    {
        await using var env = await TestEnvironment.StartAsync();
        var partner = env.PartnerApi();

        var outcome = await Setup(partner, force: false).RunAsync(Merchant, 0, Shop(), CancellationToken.None);

        Assert.Equal(RowOutcome.Created, outcome.Outcome);
        Assert.Equal("web-shop-t11200001", outcome.Made!.Client.client_id);
        var grant = Assert.Single(outcome.Made.Client.grants!);
        Assert.Equal(outcome.Made.Client.id, grant.client_id);
        Assert.Equal(partner.AccountUri(Merchant).AbsoluteUri, grant.audience);
        Assert.Equal(new[] { ClientScopes.CheckoutAdmin }, grant.scope);
        Assert.Equal(1, env.Requests.Count("POST", "/accounts/" + Merchant + "/auth/clients"));
        Assert.Equal(1, env.Requests.Count("POST", "/accounts/" + Merchant + "/auth/client-grants"));

        var shop = env.Api(options =>
        {
            options.Credential = new DinteroCredential(outcome.Made.Client.client_id!, outcome.Made.Secret!.GetPlainText());
            options.AccountId = Merchant;
        });
        var profile = await shop.GetPaymentProfileAsync(Merchant, "default");
        Assert.Equal("default", profile.profile_id);
        Assert.DoesNotContain(env.Transcript.Lines, line => line.Contains(outcome.Made.Secret!.GetPlainText()));
    }

    [Fact]
    public async Task A_refused_grant_deletes_the_client_just_made_and_says_so()
    {
        await using var env = await TestEnvironment.StartAsync();
        var partner = env.PartnerApi();
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Grants, Status = 400 });

        var failure = await Assert.ThrowsAsync<DinteroRollbackException>(() => Setup(partner, false).RunAsync(Merchant, 0, Shop(), CancellationToken.None));

        Assert.True(failure.Undone);
        Assert.Equal("Dintero.Rollback.Undone", failure.ErrorId);
        Assert.Contains("the client was deleted, so that no client without a grant is left", failure.Description);
        Assert.IsType<DinteroApiException>(failure.Cause);
        Assert.Empty(await Clients(partner));
    }

    [Fact]
    public async Task A_grant_whose_answer_was_lost_is_read_back_and_kept_when_it_was_stored()
    {
        await using var env = await TestEnvironment.StartAsync();
        var partner = env.PartnerApi();
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Grants, Drop = true, AfterProcessing = true });

        var outcome = await Setup(partner, false).RunAsync(Merchant, 0, Shop(), CancellationToken.None);

        Assert.Equal(RowOutcome.Created, outcome.Outcome);
        var stored = Assert.Single(await Clients(partner));
        Assert.Single(stored.grants!);
        Assert.Equal(1, env.Requests.Count("POST", "/auth/client-grants")); // read back, not sent again
    }

    [Fact]
    public async Task A_grant_lost_before_Dintero_stored_it_leaves_no_client()
    {
        await using var env = await TestEnvironment.StartAsync();
        var partner = env.PartnerApi();
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = Grants, Drop = true });

        var failure = await Assert.ThrowsAsync<DinteroRollbackException>(() => Setup(partner, false).RunAsync(Merchant, 0, Shop(), CancellationToken.None));

        Assert.True(failure.Undone);
        Assert.Empty(await Clients(partner));
    }

    [Fact]
    public async Task A_client_whose_answer_was_lost_is_of_no_use_without_its_secret_and_is_deleted()
    {
        await using var env = await TestEnvironment.StartAsync();
        var partner = env.PartnerApi();
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = "/v1/accounts/*/auth/clients", Drop = true, AfterProcessing = true });

        var failure = await Assert.ThrowsAsync<DinteroRollbackException>(() => Setup(partner, false).RunAsync(Merchant, 0, Shop(), CancellationToken.None));

        Assert.True(failure.Undone);
        Assert.Contains("Dintero shows a client's secret in the answer that makes it, and never again", failure.Description);
        Assert.Empty(await Clients(partner));
        Assert.Equal(0, env.Requests.Count("POST", "/auth/client-grants"));

        var again = await Setup(partner, false).RunAsync(Merchant, 0, Shop(), CancellationToken.None);
        Assert.Equal(RowOutcome.Created, again.Outcome);
    }

    [Fact]
    public async Task A_run_again_skips_the_merchant_that_has_the_client_and_its_grant_and_makes_nothing()
    {
        await using var env = await TestEnvironment.StartAsync();
        var partner = env.PartnerApi();
        await Setup(partner, false).RunAsync(Merchant, 0, Shop(), CancellationToken.None);

        var again = await Setup(partner, false).RunAsync(Merchant, 0, Shop(), CancellationToken.None);
        var plan = await Setup(partner, false).PlanAsync(Merchant, 0, Shop(), CancellationToken.None);

        Assert.Equal(RowOutcome.Skipped, again.Outcome);
        Assert.Null(again.Made!.Secret);
        Assert.Contains("has the client web-shop-t11200001 ('Web shop') with the grant asked for already", again.Reason);
        Assert.Equal(RowOutcome.WouldSkip, plan.Outcome);
        Assert.Single(await Clients(partner));
        Assert.Equal(1, env.Requests.Count("POST", "/auth/client-grants"));
    }

    [Fact]
    public async Task A_row_naming_the_same_merchant_and_client_twice_is_sent_once()
    {
        await using var env = await TestEnvironment.StartAsync();
        var partner = env.PartnerApi();
        var setup = Setup(partner, false);

        var first = await setup.RunAsync(Merchant, 0, Shop(), CancellationToken.None);
        var second = await setup.RunAsync(Merchant, 1, Shop(), CancellationToken.None);

        Assert.Equal(RowOutcome.Created, first.Outcome);
        Assert.Equal(RowOutcome.Skipped, second.Outcome);
        Assert.Contains("pipeline item 0 sends the API client 'Web shop'", second.Reason);
        Assert.Equal(1, env.Requests.Count("POST", "/auth/clients"));
    }

    [Fact]
    public async Task A_client_left_without_its_grant_by_a_stopped_run_is_made_anew()
    {
        await using var env = await TestEnvironment.StartAsync();
        var partner = env.PartnerApi();
        var (orphan, _) = await partner.CreateApiClientAsync(Merchant, "Web shop", null, Shop().ClientIdFor(Merchant));

        var outcome = await Setup(partner, false).RunAsync(Merchant, 0, Shop(), CancellationToken.None);

        Assert.Equal(RowOutcome.Created, outcome.Outcome);
        Assert.Contains("was there without a grant", outcome.Reason);
        var stored = Assert.Single(await Clients(partner));
        Assert.NotEqual(orphan.id, stored.id);
        Assert.Single(stored.grants!);
    }

    [Theory]
    [InlineData("admin:checkout;read:accounts", null)]
    [InlineData("admin:checkout", "authorization_code")]
    public async Task A_client_with_another_grant_is_never_deleted_a_run_and_its_plan_skip_it_and_say_what_to_do(string scopes, string? grantType)
    {
        await using var env = await TestEnvironment.StartAsync();
        var partner = env.PartnerApi();
        var first = await Setup(partner, false).RunAsync(Merchant, 0, Shop(), CancellationToken.None);
        var other = new ApiClientRequest("Web shop", null, scopes.Split(';'), grantType).Checked();

        var plan = await Setup(partner, false).PlanAsync(Merchant, 0, other, CancellationToken.None);
        var again = await Setup(partner, false).RunAsync(Merchant, 0, other, CancellationToken.None);

        Assert.Equal(RowOutcome.WouldSkip, plan.Outcome);
        Assert.Equal(RowOutcome.Skipped, again.Outcome);
        Assert.Contains("has the client web-shop-t11200001 ('Web shop') with another grant (client_credentials: admin:checkout) than the one asked for", again.Reason);
        Assert.Contains($"Remove-DinteroApiClient -AccountId {Merchant} -Id {first.Made!.Client.id}", again.Reason);
        Assert.Contains("-Force makes another client beside it", again.Reason);
        Assert.Equal(again.Reason, plan.Reason);
        var stored = Assert.Single(await Clients(partner));
        Assert.Equal(first.Made.Client.id, stored.id);
        Assert.Equal(0, env.Requests.Entries.Count(entry => entry.Method == "DELETE"));
        Assert.Equal(1, env.Requests.Count("POST", "/auth/client-grants"));
    }

    [Fact]
    public async Task The_plan_of_a_client_left_without_a_grant_says_it_would_be_deleted_and_made_anew_and_deletes_nothing()
    {
        await using var env = await TestEnvironment.StartAsync();
        var partner = env.PartnerApi();
        await partner.CreateApiClientAsync(Merchant, "Web shop", null, Shop().ClientIdFor(Merchant));

        var plan = await Setup(partner, false).PlanAsync(Merchant, 0, Shop(), CancellationToken.None);

        Assert.Equal(RowOutcome.WouldCreate, plan.Outcome);
        Assert.Equal("the client web-shop-t11200001 is there without a grant (a run stopped between its two steps): it would be deleted and made anew", plan.Reason);
        Assert.Single(await Clients(partner));
        Assert.Equal(0, env.Requests.Entries.Count(entry => entry.Method == "DELETE"));
    }

    [Theory]
    [InlineData("https://api.example.com/v1/accounts/T11200001", true)]
    [InlineData("https://API.Example.com:443/v1/accounts/T11200001/", true)]
    [InlineData("https://api.example.com/v1/accounts/t11200001", true)]
    [InlineData("https://api.example.com/v1/accounts/T11200002", false)]
    [InlineData("http://api.example.com/v1/accounts/T11200001", false)]
    [InlineData("not a url", false)]
    public void A_grant_s_audience_is_the_account_s_URL_in_any_of_its_forms(string audience, bool forAccount) =>
        Assert.Equal(forAccount, ClientScopes.ForAccount(new ClientGrant { audience = audience }, new Uri("https://api.example.com/v1/accounts/T11200001")));

    [Fact]
    public async Task A_repeat_names_what_the_claiming_row_sends_not_its_own_name()
    {
        await using var env = await TestEnvironment.StartAsync();
        var setup = Setup(env.PartnerApi(), false);

        await setup.PlanAsync(Merchant, 0, Shop(), CancellationToken.None);
        var repeat = await setup.PlanAsync(Merchant, 1, new ApiClientRequest("WEB SHOP!", null, null, null).Checked(), CancellationToken.None);

        Assert.Equal(RowOutcome.WouldSkip, repeat.Outcome);
        Assert.EndsWith("pipeline item 0 sends the API client 'Web shop'", repeat.Reason);
    }

    [Fact]
    public async Task Force_makes_another_client_with_an_id_of_Dintero_s()
    {
        await using var env = await TestEnvironment.StartAsync();
        var partner = env.PartnerApi();
        await Setup(partner, false).RunAsync(Merchant, 0, Shop(), CancellationToken.None);

        var forced = await Setup(partner, force: true).RunAsync(Merchant, 0, Shop(), CancellationToken.None);

        Assert.Equal(RowOutcome.Created, forced.Outcome);
        Assert.NotEqual("web-shop-t11200001", forced.Made!.Client.client_id);
        Assert.Equal(2, (await Clients(partner)).Count(each => each.grants!.Count == 1));
    }

    [Fact]
    public async Task A_grant_Dintero_refuses_for_a_field_fails_the_row_with_the_field_named_the_client_undone_and_the_fix_to_make()
    {
        await using var env = await TestEnvironment.StartAsync();
        var partner = env.PartnerApi();
        env.Emulator.Faults.Add(new Fault
        {
            Method = "POST", Path = Grants, Status = 400,
            Body = "{\"error\":{\"code\":\"BAD_REQUEST\",\"message\":\"invalid grant\",\"errors\":[{\"path\":\"scope\",\"message\":\"unknown scope\"}]}}",
        });

        var failure = await Assert.ThrowsAsync<DinteroRollbackException>(() => Setup(partner, false).RunAsync(Merchant, 0, Shop(), CancellationToken.None));

        Assert.True(failure.Undone);
        Assert.Contains("Dintero refused the grant of client web-shop-t11200001", failure.Description);
        Assert.Equal("Correct the scopes or the grant type, then run again.", failure.Advice);
        Assert.Contains(((DinteroApiException)failure.Cause).FieldErrors, error => error.Path == "scope");
        Assert.Empty(await Clients(partner));
        Assert.Equal(1, env.Requests.Entries.Count(entry => entry.Method == "DELETE" && entry.Path.Contains("/auth/clients/")));
    }

    [Fact]
    public async Task A_reset_secret_replaces_the_old_one_which_then_gets_no_token()
    {
        await using var env = await TestEnvironment.StartAsync();
        var partner = env.PartnerApi();
        var made = await Setup(partner, false).RunAsync(Merchant, 0, Shop(), CancellationToken.None);

        var reset = await SecretReset.RotateAsync(partner, Merchant, made.Made!.Client.id!, CancellationToken.None);

        Assert.NotEqual(made.Made.Secret!.GetPlainText(), reset.Secret!.GetPlainText());
        var old = env.Api(options => { options.Credential = new DinteroCredential(made.Made.Client.client_id!, made.Made.Secret.GetPlainText()); options.AccountId = Merchant; });
        var refused = await Assert.ThrowsAsync<DinteroAccessException>(() => old.AuthenticateAsync(Merchant));
        Assert.Equal(DinteroAccessFailure.CredentialsRefused, refused.Failure);
        var renewed = env.Api(options => { options.Credential = new DinteroCredential(made.Made.Client.client_id!, reset.Secret.GetPlainText()); options.AccountId = Merchant; });
        await renewed.AuthenticateAsync(Merchant);
    }

    [Theory]
    [InlineData("", "Name")]
    [InlineData("Web shop", "Scope[0]", "admin checkout")]
    public void A_request_with_a_bad_field_is_refused_before_anything_is_sent(string name, string path, string? scope = null)
    {
        var failure = Assert.Throws<DinteroValidationException>(() => new ApiClientRequest(name, null, scope == null ? null : new[] { scope }, null).Checked());

        Assert.Contains(failure.Problems, problem => problem.Path == path);
        if (scope != null) Assert.Contains("Did you mean 'admin:checkout'", failure.Message);
    }
}
