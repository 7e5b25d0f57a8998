using System.Collections;
using System.Collections.Specialized;
using Dintero.Connections.Binding;
using Dintero.Connections.Errors;
using Dintero.Connections.Json;
using Dintero.Connections.Models;
using Dintero.Connections.Kinds;
using Dintero.Connections.Rows;
using Dintero.Connections.Signups;
using Dintero.Connections.Engine.Tests.Support;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Engine.Tests.Rows;

/// <summary>The report's rows, as a signup command's: the outcome columns first, then the input flat, as a sheet has it, and bound back without complaint.</summary>
public sealed class RowReportTests
{
    // A spec's columns and words need no request: the client is never called.
    private static readonly SignupSpec<CommonConnection> Signups = new(TestEnvironment.Unconnected(), ConnectionKinds.Common);
    private static readonly IReadOnlyList<string> Columns = RowReport.Columns(Signups);

    private static OrderedDictionary Input() => new()
    {
        ["account_id"] = "T11200004",
        ["payment_options"] = new List<object?> { new OrderedDictionary { ["type"] = "dintero.zero", ["currencies"] = new List<object?> { "NOK", "SEK" } } },
        ["store_type"] = new List<object?> { "online", "instore" },
        ["revenue"] = new OrderedDictionary { ["currency"] = "NOK", ["accept_prepaid"] = false },
    };

    [Fact]
    public void A_failure_row_has_its_outcome_ErrorId_message_and_advice_then_the_input_flat()
    {
        var failure = new DinteroValidationException("The Common signup", new[] { new ValidationProblem("signup.store_type[0]", "'onlin' is not a store type") });

        var row = RowReport.OfFailure(Signups, 4, "T11200004", null, failure, Input());

        Assert.Equal(Columns, row.Take(Columns.Count).Select(cell => cell.Key));
        Assert.Equal(new object?[] { 4, "Failed", "T11200004", "Common", null, null, "Dintero.ValidationFailed" }, row.Take(7).Select(cell => cell.Value));
        Assert.Contains("store_type", (string)row[7].Value!);
        Assert.Contains("nothing was sent", (string)row[8].Value!);
        Assert.Equal(
            new[] { "payment_options[0].type", "payment_options[0].currencies", "store_type", "revenue.currency", "revenue.accept_prepaid" },
            row.Skip(Columns.Count).Select(cell => cell.Key));
        Assert.Equal("NOK;SEK", row.Single(cell => cell.Key == "payment_options[0].currencies").Value);
        Assert.Equal("online;instore", row.Single(cell => cell.Key == "store_type").Value);
    }

    [Fact]
    public void A_row_read_back_as_input_binds_the_same_signup_with_no_column_ignored()
    {
        var row = RowReport.OfStopped(Signups, 2, "T11200004", null, Input());
        var sheetRow = new OrderedDictionary();
        foreach (var cell in row) sheetRow[cell.Key] = cell.Value is null ? string.Empty : Convert.ToString(cell.Value, System.Globalization.CultureInfo.InvariantCulture);
        var keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["account_id"] = "AccountId", ["AccountId"] = "AccountId" };

        var bound = InputBinder.BindInput<CommonConnectionSignup>(sheetRow, "The Common signup", SignupValidator.Root, keys, Columns);

        Assert.Empty(bound.IgnoredKeys);
        Assert.Equal("T11200004", bound.ParameterValues["AccountId"]);
        Assert.Equal(new[] { "NOK", "SEK" }, bound.Model.payment_options![0].currencies);
        Assert.Equal(new[] { "online", "instore" }, bound.Model.store_type);
        Assert.False(bound.Model.revenue!.accept_prepaid);
        Assert.Equal("Unknown", row[1].Value);
        Assert.Equal("Dintero.Stopped", row[6].Value);
    }

    [Fact]
    public void A_typed_or_JSON_input_is_flattened_too_and_its_account_columns_give_way_to_the_report_s()
    {
        var json = "{\"account_id\": \"T00000009\", \"store_type\": [\"online\"], \"applicant\": {\"email\": \"a@b.example\"}}";

        var columns = Dintero.Connections.Rows.RecordColumns.Of(json).ToList();
        var typed = Dintero.Connections.Rows.RecordColumns.Of(new CommonConnectionSignup { store_type = new() { "online" } }).ToList();
        var row = RowReport.OfDeclined(Signups, 0, "T00000010", null, DinteroJson.ParsePlain(json));

        Assert.Equal(new[] { "account_id", "store_type", "applicant.email" }, columns.Select(c => c.Key));
        Assert.Equal("store_type", Assert.Single(typed).Key);
        Assert.Equal("T00000010", row.Single(cell => cell.Key == "account_id").Value);
        Assert.Single(row, cell => cell.Key == "account_id");
    }

    [Fact]
    public void Without_being_told_the_report_s_columns_the_binder_refuses_one_of_them_as_a_typo()
    {
        // Why the signup cmdlets name them: signature_link is one letter group away from the signup's signature.
        var row = RowReport.OfStopped(Signups, 2, "T11200004", null, Input());
        var sheetRow = new OrderedDictionary();
        foreach (var cell in row) sheetRow[cell.Key] = cell.Value is null ? string.Empty : Convert.ToString(cell.Value, System.Globalization.CultureInfo.InvariantCulture);

        var refused = Assert.Throws<DinteroValidationException>(() => InputBinder.BindInput<CommonConnectionSignup>(sheetRow, "The Common signup", SignupValidator.Root, new Dictionary<string, string>()));

        Assert.Equal("signup.signature_link", Assert.Single(refused.Problems).Path);
    }

    [Fact]
    public void The_command_that_goes_on_picks_the_rows_still_to_do_or_the_plan_s()
    {
        var failed = new Dictionary<RowOutcome, int> { [RowOutcome.Created] = 5, [RowOutcome.Unknown] = 1 };
        var planned = new Dictionary<RowOutcome, int> { [RowOutcome.WouldCreate] = 3, [RowOutcome.WouldSkip] = 2 };
        var done = new Dictionary<RowOutcome, int> { [RowOutcome.Created] = 5, [RowOutcome.Skipped] = 2 };

        Assert.Equal("To go on with the rows still to do: $report | Where-Object outcome -in 'Failed', 'Unknown', 'NotSent' | New-DinteroCommonConnection -ReportVariable report",
            RowReport.Resume("New-DinteroCommonConnection", "report", failed));
        // A run that ended before its input did goes on with the same input: the rows it never read are in no report.
        Assert.StartsWith("To go on, pipe the same input into New-DinteroCommonConnection again", RowReport.Resume("New-DinteroCommonConnection", "report", failed, ended: true));
        Assert.StartsWith("To go on, pipe the same input into New-DinteroCommonConnection again", RowReport.Resume("New-DinteroCommonConnection", "plan", planned, ended: true));
        // The run reports into a variable of its own: the plan is kept.
        Assert.Equal("To run the plan: $plan | Where-Object outcome -eq 'WouldCreate' | New-DinteroCommonConnection -ReportVariable report",
            RowReport.Resume("New-DinteroCommonConnection", "plan", planned));
        Assert.EndsWith("| New-DinteroCommonConnection -ReportVariable ran", RowReport.Resume("New-DinteroCommonConnection", "report", planned));
        Assert.Contains("-ReportVariable report", RowReport.Resume("New-DinteroCommonConnection", null, failed));
        Assert.Null(RowReport.Resume("New-DinteroCommonConnection", "report", done));
    }

    [Fact]
    public void The_command_that_goes_on_carries_what_no_row_holds_as_a_placeholder_the_text_says_to_fill()
    {
        var failed = new Dictionary<RowOutcome, int> { [RowOutcome.Created] = 5, [RowOutcome.Failed] = 1 };
        var planned = new Dictionary<RowOutcome, int> { [RowOutcome.WouldCreate] = 3 };
        var secret = new GivenAgain("-Secret $secret -InsecureSsl", "Set $secret to the signing secret first: the report does not keep it.");

        Assert.Equal("To go on with the rows still to do: $report | Where-Object outcome -in 'Failed', 'Unknown', 'NotSent' | New-DinteroWebhook -Secret $secret -InsecureSsl -ReportVariable report Set $secret to the signing secret first: the report does not keep it.",
            RowReport.Resume("New-DinteroWebhook", "report", failed, givenAgain: secret));
        Assert.Contains("| New-DinteroWebhook -Secret $secret -InsecureSsl -ReportVariable report Set $secret", RowReport.Resume("New-DinteroWebhook", "plan", planned, givenAgain: secret));
        Assert.Contains("pipe the same input into New-DinteroWebhook -Secret $secret -InsecureSsl again", RowReport.Resume("New-DinteroWebhook", "report", failed, ended: true, givenAgain: secret));
    }

    [Fact]
    public void A_row_refused_before_its_ask_was_known_keeps_the_input_s_values_under_the_report_s_own_columns()
    {
        var spec = new Dintero.Connections.Webhooks.WebhookSpec(TestEnvironment.Unconnected());
        var input = new Dictionary<string, object?> { ["account_id"] = "T11200001", ["url"] = "https://hooks.example.com/x", ["events"] = "settlement_ad", ["note"] = "kept" };

        var row = RowReport.OfFailure(spec, 0, "T11200001", null, new DinteroValidationException("The webhook", new[] { new ValidationProblem("Event[0]", "unknown") }), input)
            .ToDictionary(cell => cell.Key, cell => cell.Value);

        Assert.Equal("https://hooks.example.com/x", row["url"]);
        Assert.Equal("settlement_ad", row["events"]);
        Assert.Null(row["id"]);
        Assert.Equal("kept", row["note"]);
    }
}
