using Dintero.Connections.Errors;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Tests.Session;

public sealed class ErrorReportTests
{
    [Theory]
    [InlineData(400, "InvalidArgument")]
    [InlineData(401, "AuthenticationError")]
    [InlineData(403, "PermissionDenied")]
    [InlineData(404, "ObjectNotFound")]
    [InlineData(409, "ResourceExists")]
    [InlineData(429, "LimitsExceeded")]
    [InlineData(500, "ConnectionError")]
    [InlineData(503, "ConnectionError")]
    [InlineData(418, "InvalidResult")]
    public void The_category_follows_the_HTTP_status(int status, string category)
    {
        Assert.Equal(category, ErrorReport.CategoryOf(status));
    }

    [Fact]
    public void An_API_error_reports_Dintero_s_message_and_every_field_error_as_details()
    {
        var nested = new DinteroFieldError("signup.owners[0].name", "is required", "required", Array.Empty<DinteroFieldError>());
        var error = new DinteroApiException(400, "POST", "/v1/x", "VALIDATION_ERROR", "The request is invalid",
            new[] { new DinteroFieldError("signup.owners", "is invalid", null, new[] { nested }) }, null, null);

        var report = ErrorReport.From(error);

        Assert.Equal("InvalidArgument", report.Category);
        Assert.Equal("Dintero.Api.400.VALIDATION_ERROR", report.ErrorId);
        Assert.Equal("The request is invalid\n  signup.owners: is invalid\n  signup.owners[0].name: is required", report.Details);
    }

    [Fact]
    public void A_validation_error_says_nothing_was_sent()
    {
        var report = ErrorReport.From(new DinteroValidationException("The Common signup", new[] { new ValidationProblem("signup.store_type", "is required.") }));

        Assert.Equal(("InvalidArgument", "Dintero.ValidationFailed"), (report.Category, report.ErrorId));
        Assert.Contains("nothing was sent", report.RecommendedAction);
    }

    [Fact]
    public void A_lost_answer_tells_to_read_the_connection_back()
    {
        var report = ErrorReport.From(new DinteroTransportException("timed out", "POST", "/v1/x", requestMayHaveReachedServer: true, null));

        Assert.Equal(("OperationTimeout", "Dintero.Transport.OutcomeUnknown"), (report.Category, report.ErrorId));
        Assert.Contains("Get-DinteroConnection", report.RecommendedAction);
    }

    [Fact]
    public void An_unexpected_exception_is_redacted()
    {
        var report = ErrorReport.From(new InvalidOperationException("boom with Bearer abc.def.ghi and 01019012345"));

        Assert.Equal("Dintero.Unexpected", report.ErrorId);
        Assert.Equal("boom with Bearer *** and ***", report.Message);
    }
}
