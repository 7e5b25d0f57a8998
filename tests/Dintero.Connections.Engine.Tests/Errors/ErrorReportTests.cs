using Dintero.Connections.Errors;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Engine.Tests.Errors;

public sealed class ErrorReportTests
{
    [Theory]
    [InlineData(400, RecordCategory.InvalidArgument)]
    [InlineData(401, RecordCategory.AuthenticationError)]
    [InlineData(403, RecordCategory.PermissionDenied)]
    [InlineData(404, RecordCategory.ObjectNotFound)]
    [InlineData(409, RecordCategory.ResourceExists)]
    [InlineData(429, RecordCategory.LimitsExceeded)]
    [InlineData(500, RecordCategory.ConnectionError)]
    [InlineData(503, RecordCategory.ConnectionError)]
    [InlineData(418, RecordCategory.InvalidResult)]
    public void The_category_follows_the_HTTP_status(int status, RecordCategory category)
    {
        Assert.Equal(category, ErrorReport.CategoryOf(status));
    }

    [Fact]
    public void An_API_error_reports_Dintero_s_message_and_every_field_error()
    {
        var nested = new DinteroFieldError("signup.owners[0].name", "is required", "required", Array.Empty<DinteroFieldError>());
        var error = new DinteroApiException(400, "POST", "/v1/x", "VALIDATION_ERROR", "The request is invalid",
            new[] { new DinteroFieldError("signup.owners", "is invalid", null, new[] { nested }) }, null, null);

        var report = ErrorReport.From(error);

        Assert.Equal(RecordCategory.InvalidArgument, report.Category);
        Assert.Equal("Dintero.Api.400.VALIDATION_ERROR", report.ErrorId);
        Assert.Contains("The request is invalid", report.Message);
        Assert.Contains("\n  signup.owners: is invalid\n  signup.owners[0].name: is required", report.Message);
    }

    [Fact]
    public void A_validation_error_says_nothing_was_sent()
    {
        var report = ErrorReport.From(new DinteroValidationException("The Common signup", new[] { new ValidationProblem("signup.store_type", "is required.") }));

        Assert.Equal((RecordCategory.InvalidArgument, "Dintero.ValidationFailed"), (report.Category, report.ErrorId));
        Assert.Contains("nothing was sent", report.RecommendedAction);
    }

    [Fact]
    public void A_lost_answer_tells_to_read_the_connection_back()
    {
        var report = ErrorReport.From(new DinteroTransportException("timed out", "POST", "/v1/x", requestMayHaveReachedServer: true, null));

        Assert.Equal((RecordCategory.OperationTimeout, "Dintero.Transport.OutcomeUnknown"), (report.Category, report.ErrorId));
        Assert.Contains("Get-DinteroConnection", report.RecommendedAction);
    }

    [Fact]
    public void An_unexpected_exception_is_redacted()
    {
        var report = ErrorReport.From(new InvalidOperationException("boom with Bearer abc.def.ghi and 01019012345"));

        Assert.Equal("Dintero.Unexpected", report.ErrorId);
        Assert.Equal("boom with Bearer *** and ***", report.Message);
    }

    [Theory]
    [InlineData(3, "T00000001", "pipeline item 3, account T00000001")]
    [InlineData(3, null, "pipeline item 3")]
    [InlineData(null, "T00000001", "account T00000001")]
    [InlineData(null, null, "input")]
    [InlineData(0, "01019012345", "pipeline item 0")]
    public void The_target_name_never_repeats_the_input_and_shows_only_a_well_formed_account(int? item, string? account, string expected)
    {
        Assert.Equal(expected, ErrorReport.TargetName(item, account));
    }
}
