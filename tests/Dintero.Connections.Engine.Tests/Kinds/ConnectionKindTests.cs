using System.Collections.Specialized;
using Dintero.Connections.Binding;
using Dintero.Connections.Kinds;
using Dintero.Connections.Errors;
using Dintero.Connections.Models;
using Dintero.Connections.Engine.Tests.Support;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Engine.Tests.Kinds;

/// <summary>Every connection kind over real HTTP against the emulator: create, read back, refuse bad input before sending.</summary>
public sealed class ConnectionKindTests
{
    private static readonly Dictionary<string, string> ParameterKeys = new() { ["AccountId"] = "AccountId", ["account_id"] = "AccountId" };

    public sealed record Kind(string Name, Func<Dintero.Connections.Http.DinteroApi, string, Task<Connection>> Create, Func<object, IReadOnlyList<ValidationProblem>> BindAndValidate,
        OrderedDictionary Row, string BadRowColumn, string BadRowValue, string BadPath)
    {
        public override string ToString() => Name;
    }

    private static IReadOnlyList<ValidationProblem> BindAndValidate<TSignup, TConnection>(SignupKind<TSignup, TConnection> kind, object input)
        where TSignup : DinteroModel, new()
        where TConnection : Connection, new() =>
        kind.Validate(InputBinder.BindInput<TSignup>(input, kind.What, SignupValidator.Root, ParameterKeys).Model);

    public static TheoryData<Kind> Kinds() => new()
    {
        new Kind(ConnectionKinds.Collector.Name, async (c, a) => await c.CreateConnectionAsync(ConnectionKinds.Collector.Check(TestData.CollectorSignup()), a), i => BindAndValidate(ConnectionKinds.Collector, i),
            new OrderedDictionary { ["account_id"] = TestData.AccountId, ["legal_name"] = "Fjord AS", ["organization_number"] = "912345678", ["bank_name"] = "DNB", ["account_number"] = TestData.ProviderAccountNumber, ["website"] = "https://fjord.example", ["payment_options[0].type"] = "collector.installment" },
            "payment_options[0].type", "collector.loan", "signup.payment_options[0].type"),
        new Kind(ConnectionKinds.Instabank.Name, async (c, a) => await c.CreateConnectionAsync(ConnectionKinds.Instabank.Check(TestData.InstabankSignup()), a), i => BindAndValidate(ConnectionKinds.Instabank, i),
            new OrderedDictionary { ["account_id"] = TestData.AccountId, ["email"] = "a@fjord.example", ["phone_number"] = "+4799999999", ["total_number_of_transactions"] = "10", ["total_volume_of_transactions"] = "100", ["finance_number_of_transactions"] = "1", ["finance_volume_of_transactions"] = "10", ["industry"] = "goods", ["account_number"] = TestData.ProviderAccountNumber, ["payment_options[0].type"] = "instabank.finance" },
            "account_number", "1234567890", "signup.account_number"),
        new Kind(ConnectionKinds.PayEx.Name, async (c, a) => await c.CreateConnectionAsync(ConnectionKinds.PayEx.Check(TestData.PayExSignup()), a), i => BindAndValidate(ConnectionKinds.PayEx, i),
            new OrderedDictionary { ["account_id"] = TestData.AccountId, ["payment_options[0].type"] = "payex.creditcard", ["payment_options[0].currencies"] = "NOK;SEK", ["accounting_contact.name"] = "Kari", ["accounting_contact.phone_number"] = "+4790000000", ["accounting_contact.email"] = "kari@fjord.example" },
            "accounting_contact.email", "", "signup.accounting_contact.email"),
        new Kind(ConnectionKinds.Swish.Name, async (c, a) => await c.CreateConnectionAsync(ConnectionKinds.Swish.Check(TestData.SwishSignup()), a), i => BindAndValidate(ConnectionKinds.Swish, i),
            new OrderedDictionary { ["account_id"] = TestData.AccountId, ["legal_name"] = "Havet AB", ["organization_number"] = "5561234567", ["website"] = "https://havet.example", ["payment_options[0].type"] = "swish.swish", ["payment_options[0].currencies"] = "SEK" },
            "website", "", "signup.website"),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_signup_is_created_read_back_and_listed_in_the_settings(Kind kind)
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Api();

        var created = await kind.Create(client, TestData.AccountId);
        var read = await client.GetConnectionAsync(ConnectionKinds.Named(kind.Name), TestData.AccountId);
        var listed = await client.GetConnectionsAsync(TestData.AccountId);

        Assert.Equal((kind.Name, "pending", TestData.AccountId), (created.connection_type, created.status, created.account_id));
        Assert.Equal(ConnectionKinds.Named(kind.Name).ConnectionType, read.GetType());
        Assert.Equal(created.created_at, read.created_at);
        Assert.StartsWith("http", read.signature_link);
        var fromSettings = Assert.Single(listed);
        Assert.Equal((kind.Name, TestData.AccountId, created.signature_link), (fromSettings.connection_type, fromSettings.account_id, fromSettings.signature_link));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_CSV_row_binds_and_a_bad_cell_is_refused_under_its_path(Kind kind)
    {
        Assert.Empty(kind.BindAndValidate(kind.Row));

        var bad = new OrderedDictionary();
        foreach (System.Collections.DictionaryEntry cell in kind.Row) bad[cell.Key] = cell.Key.Equals(kind.BadRowColumn) ? kind.BadRowValue : cell.Value;
        var problems = kind.BindAndValidate(bad);

        Assert.Equal(kind.BadPath, Assert.Single(problems).Path);
        Assert.DoesNotContain(problems, p => p.Message.Contains(TestData.ProviderAccountNumber));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_signup_needs_the_organization_number_first(Kind kind)
    {
        await using var env = await TestEnvironment.StartAsync();

        var error = await env.FailsWith<DinteroApiException>(() => kind.Create(env.PartnerApi(), TestData.MerchantWithoutOrganization));

        Assert.Equal(("ORGANIZATION_NUMBER_REQUIRED", 400), (error.Code, error.StatusCode));
        Assert.Equal("company.organization_number", Assert.Single(error.AllFieldErrors()).Path);
    }

    [Fact]
    public async Task A_bad_signup_of_any_kind_is_refused_before_anything_is_sent()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Api();
        await client.AuthenticateAsync(TestData.AccountId);
        var instabank = TestData.InstabankSignup();
        instabank.account_number = "123";
        var swish = TestData.SwishSignup();
        swish.payment_options![0].type = "swish.payfac";

        var tooShort = await env.FailsWith<DinteroValidationException>(() => client.CreateConnectionAsync(ConnectionKinds.Instabank.Check(instabank), TestData.AccountId));
        var wrongType = await env.FailsWith<DinteroValidationException>(() => client.CreateConnectionAsync(ConnectionKinds.Swish.Check(swish), TestData.AccountId));

        Assert.Contains("exactly 11", Assert.Single(tooShort.Problems).Message);
        Assert.Contains("accepted: swish.swish", Assert.Single(wrongType.Problems).Message);
        Assert.Equal(0, env.Requests.Count("POST", "/instabank") + env.Requests.Count("POST", "/swish"));
        Assert.Equal(1, env.Requests.TokenRequests); // the counter sees requests: only the token was sent
    }

    [Fact]
    public async Task Vipps_starts_without_a_body_and_restarts_until_it_is_enabled()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Api();

        var started = await client.StartVippsConnectionAsync(TestData.AccountId);
        var restarted = await client.StartVippsConnectionAsync(TestData.AccountId, restart: true);
        var read = (VippsConnection)await client.GetConnectionAsync(ConnectionKinds.Named("vipps"), TestData.AccountId);
        env.Emulator.MoveConnection(TestData.AccountId, "vipps", "enabled");
        var refused = await env.FailsWith<DinteroApiException>(() => client.StartVippsConnectionAsync(TestData.AccountId, restart: true));

        Assert.StartsWith("http", started.signup!.url);
        Assert.NotEqual(started.signup.url, restarted.signup!.url);
        Assert.Equal(restarted.signup.url, read.signup!.url);
        Assert.True(read.signup.expires_at > DateTimeOffset.UtcNow.AddDays(29));
        Assert.Equal("CONNECTION_ENABLED", refused.Code);
        Assert.Equal(new[] { "", "" }, env.Requests.Entries.Where(e => e.Path.EndsWith("/vipps") && e.Method != "GET").Take(2).Select(e => e.Body));
        Assert.Equal(new[] { "POST", "PUT", "PUT" }, env.Requests.Entries.Where(e => e.Path.EndsWith("/vipps") && e.Method != "GET").Select(e => e.Method));
    }

    [Fact]
    public async Task Vipps_credentials_never_reach_a_log_line_even_at_Debug()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Api();
        await client.StartVippsConnectionAsync(TestData.AccountId);
        var stored = env.Emulator.MoveConnection(TestData.AccountId, "vipps", "enabled");
        var key = stored["configuration"]!["subscription_keys"]![0]!["ocp_apim_subscription_key"]!.GetValue<string>();
        var clientId = stored["configuration"]!["client_id"]!.GetValue<string>();

        var read = (VippsConnection)await client.GetConnectionAsync(ConnectionKinds.Named("Vipps"), TestData.AccountId);

        Assert.Equal(key, read.configuration!.subscription_keys![0].ocp_apim_subscription_key!.GetPlainText()); // on the object, read deliberately
        Assert.Equal(clientId, read.configuration.client_id!.GetPlainText());
        Assert.Equal("***", read.configuration.client_id.ToString());
        Assert.Contains(env.Transcript.Entries, entry => entry.Message.Contains("subscription_keys")); // the body was logged
        Transcript.AssertClean(env.Transcript.Lines, new[] { key, clientId });
        Assert.DoesNotContain(key, read.configuration.ToString());
        Assert.DoesNotContain(clientId, read.configuration.ToString());
    }

    [Fact]
    public async Task A_Common_signup_link_is_a_temporary_ref()
    {
        await using var env = await TestEnvironment.StartAsync();

        var link = await env.Api().CreateCommonSignupLinkAsync(TestData.AccountId);

        Assert.StartsWith("http", link.@ref);
        Assert.Equal(TestData.AccountId, link.account_id);
        Assert.Equal(1, env.Requests.Count("POST", "/connections/common/signup"));
    }

    [Fact]
    public async Task The_settings_list_every_kind_the_account_has_in_one_read()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Api();
        await client.CreateCommonConnectionAsync(TestData.AccountId, TestData.CommonSignup());
        await client.CreateConnectionAsync(ConnectionKinds.PayEx.Check(TestData.PayExSignup()), TestData.AccountId);
        await client.StartVippsConnectionAsync(TestData.AccountId);
        var before = env.Requests.Entries.Count;

        var all = await client.GetConnectionsAsync(TestData.AccountId);

        Assert.Equal(new[] { "Common", "PayEx", "Vipps" }, all.Select(c => c.connection_type));
        Assert.IsType<PayExConnection>(all[1]);
        Assert.Equal("payex.creditcard", ((PayExConnection)all[1]).signup!.payment_options![0].type);
        Assert.Equal(1, env.Requests.Entries.Count - before);
    }

    [Fact]
    public void A_connection_type_is_named_case_insensitively_with_a_suggestion_when_mistyped()
    {
        Assert.Same(ConnectionKinds.PayEx, ConnectionKinds.Named("payex"));
        var error = Assert.Throws<DinteroValidationException>(() => ConnectionKinds.Named("Swsh"));
        Assert.Contains("Did you mean 'Swish'?", error.Message);
    }
}
