using Dintero.Connections.Concurrency;
using Dintero.Connections.Rows;

namespace Dintero.Connections.Engine.Tests.Concurrency;

/// <summary>The line a batch ends with: how many rows, how each ended, which errors, what stopped it, how to go on.</summary>
public sealed class BatchSummaryTests
{
    [Fact]
    public void It_counts_outcomes_in_the_order_first_seen_and_errors_most_frequent_first()
    {
        var summary = new BatchSummary();
        summary.Count(RowOutcome.Created);
        summary.Count(RowOutcome.Failed, "Dintero.ValidationFailed");
        summary.Count(RowOutcome.Created);
        summary.Count(RowOutcome.Failed, "Dintero.Api.500");
        summary.Count(RowOutcome.Failed, "Dintero.Api.500");
        summary.Count(RowOutcome.Unknown, "Dintero.Transport.OutcomeUnknown");

        var text = summary.Text("New-DinteroCommonConnection", TimeSpan.FromSeconds(64.24), "To go on: this.");

        Assert.Equal("New-DinteroCommonConnection: 6 rows in 64.2 s: Created 2, Failed 3, Unknown 1. Errors: Dintero.Api.500 2, Dintero.Transport.OutcomeUnknown 1, Dintero.ValidationFailed 1. To go on: this.", text);
        Assert.Equal(6, summary.Records);
        Assert.Equal(new Dictionary<RowOutcome, int> { [RowOutcome.Created] = 2, [RowOutcome.Failed] = 3, [RowOutcome.Unknown] = 1 }, summary.ByOutcome);
    }

    [Fact]
    public void A_command_s_word_for_a_call_that_returned_is_shown_and_is_no_row_outcome()
    {
        var summary = new BatchSummary();
        summary.CountDone(BatchSummary.DoneWord("Set"));
        summary.CountDone(BatchSummary.DoneWord("Set"));
        summary.Count(RowOutcome.NotSent);

        Assert.Equal("Set-DinteroAccountSetting: 3 rows in 1.0 s: Changed 2, NotSent 1.", summary.Text("Set-DinteroAccountSetting", TimeSpan.FromSeconds(1), null));
        Assert.Equal(new Dictionary<RowOutcome, int> { [RowOutcome.NotSent] = 1 }, summary.ByOutcome);
        Assert.Equal("Done", BatchSummary.DoneWord("Send"));
    }

    [Fact]
    public void A_batch_of_one_row_has_no_summary_unless_an_error_stopped_it()
    {
        var one = new BatchSummary();
        one.CountDone(BatchSummary.DoneWord("Get"));
        var stopped = new BatchSummary { StoppedBy = "Stopped at pipeline item 0 by Dintero.Access.CredentialsRefused: nothing more of the input was run." };
        stopped.Count(RowOutcome.Failed, "Dintero.Access.CredentialsRefused");

        Assert.Null(one.Text("Get-DinteroConnection", TimeSpan.Zero, null));
        Assert.Null(new BatchSummary().Text("Get-DinteroConnection", TimeSpan.Zero, null));
        Assert.Equal("New-DinteroCommonConnection: 1 row in 0.0 s: Failed 1. Errors: Dintero.Access.CredentialsRefused 1. Stopped at pipeline item 0 by Dintero.Access.CredentialsRefused: nothing more of the input was run.",
            stopped.Text("New-DinteroCommonConnection", TimeSpan.Zero, null));
    }

    [Fact]
    public void Thousands_are_grouped_whatever_the_culture()
    {
        var summary = new BatchSummary();
        for (var i = 0; i < 1234; i++) summary.Count(RowOutcome.Created);
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("nb-NO");
        try
        {
            Assert.StartsWith("X: 1,234 rows in 1.5 s: Created 1,234.", summary.Text("X", TimeSpan.FromSeconds(1.5), null));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }
}
