using Dintero.Connections.Binding;
using Dintero.Connections.Errors;
using Dintero.Connections.Models;
using Dintero.Connections.Rows;

namespace Dintero.Connections.Engine.Tests.Rows;

/// <summary>Sheets as Excel writes them: read in the wrong encoding or with the wrong delimiter, and cells as typed.</summary>
public sealed class SheetShapeTests
{
    private static readonly Dictionary<string, string> ParameterKeys = new() { ["AccountId"] = "AccountId", ["account_id"] = "AccountId" };

    [Fact]
    public void Text_read_in_the_wrong_encoding_is_refused_with_the_cause_and_the_fix()
    {
        var failure = Assert.Throws<DinteroValidationException>(() =>
            InputBinder.BindInput<AccountCompany>(new Dictionary<string, object?> { ["business_name"] = "Bj\uFFFDrn AS" }, "The company", "company", ParameterKeys));

        var problem = Assert.Single(failure.Problems);
        Assert.Equal("company.business_name", problem.Path);
        Assert.Contains("'Bj\uFFFDrn AS' holds U+FFFD", problem.Message);
        Assert.Contains("Import-Csv -Encoding 1252", problem.Message);
        Assert.Contains("CSV UTF-8", problem.Message);
    }

    [Fact]
    public void Every_scalar_cell_is_trimmed_the_same_way_and_a_blank_one_is_not_given()
    {
        var input = new Dictionary<string, object?>
        {
            ["payment_options[0].type"] = " dintero.zero ",
            ["payment_options[0].currencies"] = " NOK ; SEK ",
            ["store_type"] = "online ",
            ["revenue.currency"] = " NOK ",
            ["applicant.email"] = " kari@example.com ",
            ["package"] = "   ",
        };

        var signup = InputBinder.BindInput<CommonConnectionSignup>(input, "The Common signup", "signup", ParameterKeys).Model;

        Assert.Equal("dintero.zero", signup.payment_options![0].type);
        Assert.Equal(new[] { "NOK", "SEK" }, signup.payment_options[0].currencies);
        Assert.Equal(new[] { "online" }, signup.store_type);
        Assert.Equal("NOK", signup.revenue!.currency);
        Assert.Equal("kari@example.com", signup.applicant!.email);
        Assert.Null(signup.package);
    }

    [Fact]
    public void A_row_read_as_one_column_gets_the_delimiter_hint_instead_of_being_ignored()
    {
        var row = new Dictionary<string, object?> { ["account_id;payment_options[0].type;store_type"] = "T00000001;dintero.zero;online" };

        var failure = Assert.Throws<DinteroValidationException>(() => InputBinder.BindInput<CommonConnectionSignup>(row, "The Common signup", "signup", ParameterKeys));

        Assert.Contains("Import-Csv -Delimiter ';'", Assert.Single(failure.Problems).Message);
    }

    [Fact]
    public void The_cell_rule_keeps_a_secret_as_given_and_unwraps_one_given_back()
    {
        Assert.True(Cells.Text("  T00000001\t", out var cell, out var problem));
        Assert.Equal("T00000001", cell);
        Assert.Null(problem);
        Assert.True(Cells.Text(" \t ", out var blank, out _));
        Assert.Null(blank);

        var signup = InputBinder.BindInput<CommonConnectionSignup>(
            new Dictionary<string, object?> { ["applicant.social_security_number"] = new DinteroSecret("01019012345"), ["store_type"] = "online" }, "The Common signup", "signup", ParameterKeys).Model;
        Assert.Equal("01019012345", signup.applicant!.social_security_number);
    }

    [Fact]
    public void A_cell_that_holds_only_a_report_s_mask_is_refused_and_never_sent_as_the_value()
    {
        // A report exported with Export-Csv writes *** for a personal number; ConvertTo-Json writes {"Masked": "***"}.
        var fromCsv = new Dictionary<string, object?> { ["account_number"] = " *** ", ["bank_name"] = "DNB" };
        var fromJson = new Dictionary<string, object?> { ["applicant.social_security_number"] = new Dictionary<string, object?> { ["Masked"] = "***" }, ["store_type"] = "online" };

        var csv = Assert.Throws<DinteroValidationException>(() => InputBinder.BindInput<BamboraConnectionSignup>(fromCsv, "The Bambora signup", "signup", ParameterKeys));
        var json = Assert.Throws<DinteroValidationException>(() => InputBinder.BindInput<CommonConnectionSignup>(fromJson, "The Common signup", "signup", ParameterKeys));

        var problem = Assert.Single(csv.Problems);
        Assert.Equal("signup.account_number", problem.Path);
        Assert.Contains("the mask a report writes", problem.Message);
        Assert.Contains("original sheet", problem.Message);
        Assert.Equal("signup.applicant.social_security_number", Assert.Single(json.Problems).Path);
        Assert.Contains("the mask a report writes", Assert.Single(json.Problems).Message);
        // A value that merely holds the characters is a value.
        var kept = InputBinder.BindInput<BamboraConnectionSignup>(new Dictionary<string, object?> { ["account_number"] = "12345678903", ["bank_name"] = "***DNB" }, "The Bambora signup", "signup", ParameterKeys).Model;
        Assert.Equal("***DNB", kept.bank_name);
    }

    [Fact]
    public void A_bank_account_number_written_with_spaces_or_dots_is_masked_in_any_message()
    {
        var text = Dintero.Connections.Redaction.Redactor.Shapes.Redact("'1234 56 78903' and '1234.56.78903' but not 2026-12-07 or 912345678");

        Assert.Equal("'***' and '***' but not 2026-12-07 or 912345678", text);
    }
}
