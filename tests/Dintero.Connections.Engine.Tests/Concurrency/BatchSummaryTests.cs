using Dintero.Connections.Concurrency;

namespace Dintero.Connections.Engine.Tests.Concurrency;

/// <summary>The line a batch ends with: how many rows, how each ended, which errors, what stopped it, how to go on.</summary>
public sealed class BatchSummaryTests
{
    [Fact]
    public void It_counts_outcomes_in_the_order_first_seen_and_errors_most_frequent_first()
    {
        var summary = new BatchSummary();
        summary.Count("Created");
        summary.Count("Failed", "Dintero.ValidationFailed");
        summary.Count("Created");
        summary.Count("Failed", "Dintero.Api.500");
        summary.Count("Failed", "Dintero.Api.500");
        summary.Count("Unknown", "Dintero.Transport.OutcomeUnknown");

        var text = summary.Text("New-DinteroCommonConnection", TimeSpan.FromSeconds(64.24), "To go on: this.");

        Assert.Equal("New-DinteroCommonConnection: 6 rows in 64.2 s: Created 2, Failed 3, Unknown 1. Errors: Dintero.Api.500 2, Dintero.Transport.OutcomeUnknown 1, Dintero.ValidationFailed 1. To go on: this.", text);
        Assert.Equal(6, summary.Records);
    }

    [Fact]
    public void A_batch_of_one_row_has_no_summary_unless_an_error_stopped_it()
    {
        var one = new BatchSummary();
        one.Count("Read");
        var stopped = new BatchSummary { StoppedBy = "Stopped at pipeline item 0 by Dintero.Access.CredentialsRefused: nothing more of the input was run." };
        stopped.Count("Failed", "Dintero.Access.CredentialsRefused");

        Assert.Null(one.Text("Get-DinteroConnection", TimeSpan.Zero, null));
        Assert.Null(new BatchSummary().Text("Get-DinteroConnection", TimeSpan.Zero, null));
        Assert.Equal("New-DinteroCommonConnection: 1 row in 0.0 s: Failed 1. Errors: Dintero.Access.CredentialsRefused 1. Stopped at pipeline item 0 by Dintero.Access.CredentialsRefused: nothing more of the input was run.",
            stopped.Text("New-DinteroCommonConnection", TimeSpan.Zero, null));
    }

    [Fact]
    public void Thousands_are_grouped_whatever_the_culture()
    {
        var summary = new BatchSummary();
        for (var i = 0; i < 1234; i++) summary.Count("Created");
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
