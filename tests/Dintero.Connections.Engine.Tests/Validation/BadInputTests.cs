using Dintero.Connections.Errors;
using Dintero.Connections.Models;
using Dintero.Connections.Engine.Tests.Support;

namespace Dintero.Connections.Engine.Tests.Validation;

/// <summary>
/// Each bad input gets its own message under its own JSON path, and nothing is sent: the emulator sees no
/// request at all, not even for a token.
/// </summary>
public sealed class BadInputTests
{
    public sealed record Case(string Name, Action<CommonConnectionSignup>? Common, Action<BamboraConnectionSignup>? Bambora, string Path, string Fragment)
    {
        public override string ToString() => Name;
    }

    private static readonly Case[] Cases =
    {
        new("no payment options", s => s.payment_options = null, null, "signup.payment_options", "At least one payment option is required"),
        new("empty payment options", s => s.payment_options = new(), null, "signup.payment_options", "is required"),
        new("payment option without type", s => s.payment_options![0].type = " ", null, "signup.payment_options[0].type", "type is required"),
        new("payment option without a type", s => s.payment_options![0].type = null, null, "signup.payment_options[0].type", "The payment option type is required"),
        new("bambora type outside Bambora's three", null, s => s.payment_options![0].type = "vipps", "signup.payment_options[0].type", "accepted: bambora.creditcard, bambora.mobilepay, bambora.vipps"),
        new("lower-case currency", s => s.payment_options![0].currencies = new() { "nok" }, null, "signup.payment_options[0].currencies[0]", "'nok' is not an ISO 4217 currency code"),
        new("no store type", s => s.store_type = null, null, "signup.store_type", "At least one store type (online, instore, remote) is required"),
        new("mistyped store type", s => s.store_type = new() { "onlin" }, null, "signup.store_type[0]", "Did you mean 'online'?"),
        new("duplicate store type", s => s.store_type = new() { "online", "online" }, null, "signup.store_type", "more than once"),
        new("revenue currency", s => s.revenue!.currency = "KRONER", null, "signup.revenue.currency", "three capital letters"),
        new("percentage over 100", s => s.revenue!.estimated_percentage_per_payment_type![0].percentage = 150, null, "signup.revenue.estimated_percentage_per_payment_type[0].percentage", "150 is not a percentage"),
        new("negative percentage", s => s.revenue!.estimated_percentage_per_payment_type![0].percentage = -1, null, "signup.revenue.estimated_percentage_per_payment_type[0].percentage", "from 0 to 100"),
        new("percentages add up over 100", s => s.revenue!.estimated_percentage_per_payment_type = new() { new() { type = "a", percentage = 60 }, new() { type = "b", percentage = 60 } }, null, "signup.revenue.estimated_percentage_per_payment_type", "add up to more than 100"),
        new("payment share without type", s => s.revenue!.estimated_percentage_per_payment_type![0].type = null, null, "signup.revenue.estimated_percentage_per_payment_type[0].type", "payment type is required"),
        new("account number type", s => s.bank_accounts![0].account_number_type = "bban", null, "signup.bank_accounts[0].account_number_type", "accepted: iban, mod11"),
        new("statement URL not http", s => s.bank_accounts![0].account_statement_url = "ftp://files.example.com/s.pdf", null, "signup.bank_accounts[0].account_statement_url", "http:// or https://"),
        new("ownership structure", s => s.ownership!.ownership_structure = "owners_with_more_than_50", null, "signup.ownership.ownership_structure", "Did you mean 'owners_with_more_than_25'?"),
        new("date of birth format", s => s.ownership!.owners![0].date_of_birth = "24.12.1988", null, "signup.ownership.owners[0].date_of_birth", "YYYY-MM-DD"),
        new("impossible date of birth", s => s.ownership!.owners![0].date_of_birth = "1988-02-30", null, "signup.ownership.owners[0].date_of_birth", "is not a date"),
        new("owner percentage", s => s.ownership!.owners![0].percentage = 101, null, "signup.ownership.owners[0].percentage", "101 is not a percentage"),
        new("empty owner", s => s.ownership!.owners!.Add(null!), null, "signup.ownership.owners[1]", "is empty"),
        new("signatory without e-mail", s => s.signature = new() { signatures = new() { new() { name = "Kari" } } }, null, "signup.signature.signatures[0].email", "e-mail is required"),
        new("signatory without name", s => s.signature = new() { signatures = new() { new() { email = "kari@example.com" } } }, null, "signup.signature.signatures[0].name", "name is required"),
        new("applicant e-mail", s => s.applicant!.email = "ola@", null, "signup.applicant.email", "e-mail"),
        new("applicant phone not E.164", s => s.applicant!.phone_number = "99999999", null, "signup.applicant.phone_number", "E.164"),
        new("industry", s => s.company_information!.industry = "good", null, "signup.company_information.industry", "Did you mean 'goods'?"),
        new("merchant category code", s => s.company_information!.company_category = "47220", null, "signup.company_information.company_category", "four digits"),
        new("instabank figures incomplete", s => s.payment_method_specific = new() { instabank = new() { total_number_of_transactions = "10", total_volume_of_transactions = "1000", finance_number_of_transactions = "2" } }, null, "signup.payment_method_specific.instabank.finance_volume_of_transactions", "all four figures"),
        new("bambora without revenue", null, s => s.revenue = null, "signup.revenue", "The revenue is required"),
        new("bambora without bank name", null, s => s.bank_name = "", "signup.bank_name", "The bank name is required"),
        new("bambora without account number", null, s => s.account_number = null, "signup.account_number", "The account number is required"),
        new("bambora owner with SSN", null, s => s.ownership = new() { owners = new() { new() { name = "Kari", social_security_number = TestData.OwnerSsn } } }, "signup.ownership.owners[0].social_security_number", "not accepted by the Bambora signup"),
        new("bambora applicant e-mail", null, s => s.applicant!.email = "ola@example.com", "signup.applicant.email", "not accepted by the Bambora signup"),
        new("bambora payment site URL", null, s => s.verifications = new() { payment_site_url = "https://shop.example.com" }, "signup.verifications.payment_site_url", "not accepted by the Bambora signup"),
        new("bambora estimated percentages", null, s => s.revenue!.estimated_percentage_per_payment_type = new() { new() { type = "x", percentage = 10 } }, "signup.revenue.estimated_percentage_per_payment_type", "not accepted by the Bambora signup"),
        new("bambora store type", null, s => s.store_type = new() { "in-store" }, "signup.store_type[0]", "Did you mean 'instore'?"),
    };

    public static TheoryData<Case> All() => new(Cases);

    [Fact]
    public void There_are_at_least_25_distinct_cases_each_with_its_own_expectation()
    {
        Assert.True(Cases.Length >= 25);
        Assert.Equal(Cases.Length, Cases.Select(c => (c.Path, c.Fragment)).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(All))]
    public async Task Bad_input_is_refused_with_a_path_specific_message_and_sends_nothing(Case bad)
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Api();

        DinteroValidationException error;
        if (bad.Common != null)
        {
            var signup = TestData.CommonSignup();
            bad.Common(signup);
            error = await env.FailsWith<DinteroValidationException>(() => client.CreateCommonConnectionAsync(TestData.AccountId, signup));
        }
        else
        {
            var signup = TestData.BamboraSignup();
            bad.Bambora!(signup);
            error = await env.FailsWith<DinteroValidationException>(() => client.CreateBamboraConnectionAsync(TestData.AccountId, signup));
        }

        var problem = Assert.Single(error.Problems);
        Assert.Equal(bad.Path, problem.Path);
        Assert.Contains(bad.Fragment, problem.Message);
        Assert.Contains(bad.Path, error.Message);
        Assert.Contains("nothing was sent", error.Message);
        Assert.Empty(env.Requests.Entries);
    }

    [Theory]
    [InlineData("X12345678")]
    [InlineData("T1234567")]
    [InlineData("t12345678")]
    [InlineData("P123456789")]
    [InlineData("")]
    public async Task A_bad_account_id_is_refused_before_any_request(string accountId)
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Api();

        var error = await env.FailsWith<DinteroValidationException>(() => client.GetCommonConnectionAsync(accountId));

        Assert.Equal("account_id", Assert.Single(error.Problems).Path);
        Assert.Contains("T (test) or P (production)", error.Problems[0].Message);
        Assert.Empty(env.Requests.Entries);
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once()
    {
        await using var env = await TestEnvironment.StartAsync();
        var signup = TestData.CommonSignup();
        signup.store_type = new() { "web" };
        signup.revenue!.currency = "kr";
        signup.applicant!.phone_number = "12";

        var error = await env.FailsWith<DinteroValidationException>(() => env.Api().CreateCommonConnectionAsync(TestData.AccountId, signup));

        Assert.Equal(
            new[] { "signup.store_type[0]", "signup.revenue.currency", "signup.applicant.phone_number" },
            error.Problems.Select(p => p.Path));
        Assert.StartsWith("The Common signup is not valid (3 problems)", error.Message);
    }

    [Fact]
    public async Task Unknown_payment_option_types_are_not_refused_by_the_client()
    {
        await using var env = await TestEnvironment.StartAsync();
        var signup = TestData.CommonSignup();
        signup.payment_options![0].type = "newprovider.wallet";

        var connection = await env.Api().CreateCommonConnectionAsync(TestData.AccountId, signup);

        Assert.Equal("newprovider.wallet", connection.signup!.payment_options![0].type);
    }

    [Fact]
    public async Task A_payment_option_without_currencies_is_sent_as_Dintero_s_schema_allows()
    {
        await using var env = await TestEnvironment.StartAsync();
        var signup = TestData.CommonSignup();
        signup.payment_options![0].currencies = null;

        var connection = await env.Api().CreateCommonConnectionAsync(TestData.AccountId, signup);

        Assert.Null(connection.signup!.payment_options![0].currencies);
        Assert.Equal(1, env.Requests.Count("POST", "/connections/common"));
    }

    [Fact]
    public async Task Validation_messages_do_not_repeat_personal_values()
    {
        await using var env = await TestEnvironment.StartAsync();
        var signup = TestData.CommonSignup();
        signup.applicant!.email = "ola.nordmann.private@";
        signup.applicant.phone_number = "4791234567";
        signup.ownership!.owners![0].date_of_birth = "1988-13-24";

        var error = await env.FailsWith<DinteroValidationException>(() => env.Api().CreateCommonConnectionAsync(TestData.AccountId, signup));

        Assert.Equal(3, error.Problems.Count);
        Assert.DoesNotContain("ola.nordmann.private", error.Message);
        Assert.DoesNotContain("4791234567", error.Message);
        Assert.DoesNotContain("1988-13-24", error.Message);
    }

    [Fact]
    public async Task An_account_company_without_business_name_or_address_is_refused()
    {
        await using var env = await TestEnvironment.StartAsync();

        var error = await env.FailsWith<DinteroValidationException>(() =>
            env.Api().UpdateAccountSettingsAsync(TestData.AccountId, new AccountCompany { organization_number = "987654321", phone_number = "abc" }));

        Assert.Equal(new[] { "company.business_name", "company.address", "company.phone_number" }, error.Problems.Select(p => p.Path));
        Assert.Empty(env.Requests.Entries);
    }
}
