using System.Collections;
using System.Collections.Specialized;
using Dintero.Connections.Rows;

namespace Dintero.Connections.Engine.Tests.Rows;

/// <summary>Which account a record of a command is for: no row reaches an account it does not name.</summary>
public sealed class RowAccountTests
{
    private const string Partner = "T11200000";
    private const string Merchant = "T00000001";

    private static RecordAccount Row(params (string Key, object? Value)[] cells)
    {
        var row = new OrderedDictionary();
        foreach (var (key, value) in cells) row[key] = value;
        return RecordAccount.FromMap(row);
    }

    [Fact]
    public void A_row_that_names_its_account_goes_there_as_a_partner_and_as_a_merchant()
    {
        var asPartner = RowAccount.Resolve(Partner, fromPipeline: true, commandAccount: null, Row(("account_id", " T11200005 "), ("organization_number", "912345678")));
        var asMerchant = RowAccount.Resolve(Merchant, fromPipeline: true, commandAccount: null, Row(("AccountId", Merchant)));

        Assert.Equal("T11200005", asPartner.AccountId);
        Assert.Null(asPartner.Problem);
        Assert.Equal(Merchant, asMerchant.AccountId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_row_whose_account_cell_is_empty_is_refused_whoever_is_connected(string? cell)
    {
        foreach (var connected in new[] { Partner, Merchant })
        {
            var account = RowAccount.Resolve(connected, fromPipeline: true, commandAccount: null, Row(("account_id", cell), ("organization_number", "987654321")));

            Assert.Null(account.AccountId);
            Assert.Equal("account_id", account.Problem!.Path);
            Assert.Contains("is empty", account.Problem.Message);
        }
    }

    [Fact]
    public void A_partner_s_row_without_an_account_column_is_refused_with_a_did_you_mean_for_a_near_column()
    {
        var spelled = RowAccount.Resolve(Partner, true, null, Row(("Account ID", "T11200005"), ("organization_number", "912345678")));
        var shortened = RowAccount.Resolve(Partner, true, null, Row(("account", "T11200005")));
        var none = RowAccount.Resolve(Partner, true, null, Row(("organization_number", "912345678")));

        Assert.Null(spelled.AccountId);
        Assert.Contains("connected as partner T11200000", spelled.Problem!.Message);
        Assert.Contains("The column 'Account ID' looks like it: name it account_id.", spelled.Problem.Message);
        Assert.Contains("The column 'account' looks like it", shortened.Problem!.Message);
        Assert.DoesNotContain("looks like it", none.Problem!.Message);
        // A bank's account number is no account id.
        Assert.DoesNotContain("looks like it", RowAccount.Resolve(Partner, true, null, Row(("bank_accounts[0].account_number", "x"))).Problem!.Message);
    }

    [Fact]
    public void A_sheet_read_with_the_wrong_delimiter_gets_the_delimiter_hint()
    {
        var semicolons = RowAccount.Resolve(Partner, true, null, Row(("account_id;organization_number", "T11200005;912345678")));
        var tabs = RowAccount.Resolve(Partner, true, null, Row(("account_id\torganization_number", "T11200005\t912345678")));

        Assert.Contains("Import-Csv -Delimiter ';'", semicolons.Problem!.Message);
        Assert.Contains("-UseCulture", semicolons.Problem.Message);
        Assert.Contains("Import-Csv -Delimiter \"`t\"", tabs.Problem!.Message);
    }

    [Fact]
    public void The_partner_s_own_account_is_reached_by_pipeline_input_only_when_the_command_names_it()
    {
        var named = RowAccount.Resolve(Partner, true, commandAccount: Partner, Row(("organization_number", "912345678")));
        var byParameter = RowAccount.Resolve(Partner, fromPipeline: false, commandAccount: null, RecordAccount.None);
        var typedRecord = RowAccount.Resolve(Partner, true, null, RecordAccount.None);

        Assert.Equal(Partner, named.AccountId);
        Assert.Equal(Partner, byParameter.AccountId);
        Assert.Null(typedRecord.AccountId);
        Assert.NotNull(typedRecord.Problem);
    }

    [Fact]
    public void A_row_given_by_parameter_goes_to_the_account_it_names_or_is_refused_as_a_piped_one_is()
    {
        // New-DinteroPaymentApproval -Approval $row, $row a sheet's row: its account_id counts as when it is piped.
        var named = RowAccount.Resolve(Partner, fromPipeline: false, commandAccount: null, Row(("account_id", "T11200001"), ("country_code", "NO")));
        var overAccountId = RowAccount.Resolve(Partner, fromPipeline: false, commandAccount: "T11200002", Row(("account_id", "T11200001")));
        var blank = RowAccount.Resolve(Partner, fromPipeline: false, commandAccount: null, Row(("account_id", " "), ("country_code", "NO")));
        var withoutColumn = RowAccount.Resolve(Merchant, fromPipeline: false, commandAccount: null, Row(("country_code", "NO")));

        Assert.Equal("T11200001", named.AccountId);
        Assert.Equal("T11200001", overAccountId.AccountId);
        Assert.Equal("T11200002", overAccountId.Differs);
        Assert.Null(blank.AccountId);
        Assert.Contains("is empty", blank.Problem!.Message);
        // A hashtable given by parameter without an account key is for the connected account, as it always was.
        Assert.Equal(Merchant, withoutColumn.AccountId);
    }

    [Fact]
    public void A_merchant_s_row_without_an_account_column_is_for_the_connected_account()
    {
        var account = RowAccount.Resolve(Merchant, true, null, Row(("store_type", "online")));

        Assert.Equal(Merchant, account.AccountId);
    }

    [Fact]
    public void A_row_s_own_account_goes_first_and_the_difference_with_AccountId_is_said()
    {
        var differs = RowAccount.Resolve(Partner, true, commandAccount: "T11200001", Row(("account_id", "T11200005")));
        var agrees = RowAccount.Resolve(Partner, true, commandAccount: "T11200005", Row(("account_id", "T11200005")));
        var gap = RowAccount.Resolve(Partner, true, commandAccount: "T11200001", Row(("account_id", "")));

        Assert.Equal("T11200005", differs.AccountId);
        Assert.Contains("Pipeline item 3 names account T11200005, not T11200001 given with -AccountId", differs.DifferenceNotice("Pipeline item 3"));
        Assert.Null(agrees.DifferenceNotice("Pipeline item 3"));
        Assert.Equal("T11200001", gap.AccountId);
    }

    [Fact]
    public void A_malformed_account_is_refused_and_kept_as_written_for_the_report()
    {
        var account = RowAccount.Resolve(Partner, true, null, Row(("account_id", "X51")));

        Assert.Null(account.AccountId);
        Assert.Equal("X51", account.Named);
        Assert.Contains("'X51' is not a Dintero account id", account.Problem!.Message);
    }

    [Fact]
    public void A_record_that_is_an_account_id_or_JSON_names_its_account()
    {
        Assert.Equal("T11200002", RowAccount.Resolve(Partner, true, null, RecordAccount.Itself("T11200002")).AccountId);
        Assert.Equal("T11200003", RowAccount.Resolve(Partner, true, null, RecordAccount.FromJson("{\"account_id\": \"T11200003\", \"store_type\": \"online\"}")).AccountId);
        Assert.NotNull(RowAccount.Resolve(Partner, true, null, RecordAccount.FromJson("{\"store_type\": \"online\"}")).Problem);
    }
}
