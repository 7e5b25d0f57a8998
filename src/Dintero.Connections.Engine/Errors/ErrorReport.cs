using System;
using System.Linq;

namespace Dintero.Connections.Errors
{
    /// <summary>
    /// How an exception reads as a PowerShell ErrorRecord, decided here so it is tested without a host:
    /// the category (by name of <c>System.Management.Automation.ErrorCategory</c>), a stable ErrorId, the
    /// message, the details (Dintero's message and field errors) and the recommended action.
    /// </summary>
    public sealed class ErrorReport
    {
        private ErrorReport(string category, string errorId, string message, string details, string? recommendedAction)
        {
            Category = category;
            ErrorId = errorId;
            Message = message;
            Details = details;
            RecommendedAction = recommendedAction;
        }

        /// <summary>An <c>ErrorCategory</c> name, e.g. <c>InvalidArgument</c>.</summary>
        public string Category { get; }

        public string ErrorId { get; }

        public string Message { get; }

        /// <summary>For <c>ErrorDetails</c>: Dintero's message and every field error, one per line.</summary>
        public string Details { get; }

        public string? RecommendedAction { get; }

        public static ErrorReport From(Exception exception)
        {
            switch (exception)
            {
                case DinteroApiException api:
                    var details = string.Join("\n", new[] { api.DinteroMessage }.Concat(api.FieldErrorLines()));
                    return new ErrorReport(CategoryOf(api.StatusCode), api.ErrorId, api.Message, details, api.Hint);
                case DinteroValidationException validation:
                    return new ErrorReport("InvalidArgument", validation.ErrorId, validation.Message,
                        string.Join("\n", validation.Problems.Select(problem => problem.ToString())),
                        "Correct the fields named above; nothing was sent to Dintero.");
                case DinteroTransportException transport:
                    return new ErrorReport(transport.RequestMayHaveReachedServer ? "OperationTimeout" : "ConnectionError", transport.ErrorId, transport.Message, transport.Message,
                        transport.RequestMayHaveReachedServer ? "Read the connection back with Get-DinteroConnection before sending it again." : "Check the network and the base URI, then try again.");
                case ObjectDisposedException disposed:
                    return new ErrorReport("InvalidOperation", "Dintero.Disconnected", disposed.Message, disposed.Message, "Run Connect-Dintero.");
                default:
                    var text = Redaction.Redactor.Shapes.Redact(exception.Message);
                    return new ErrorReport("NotSpecified", "Dintero.Unexpected", text, text, null);
            }
        }

        /// <summary>The ErrorCategory for an HTTP status.</summary>
        public static string CategoryOf(int status) => status switch
        {
            400 => "InvalidArgument",
            401 => "AuthenticationError",
            403 => "PermissionDenied",
            404 => "ObjectNotFound",
            409 => "ResourceExists",
            429 => "LimitsExceeded",
            _ when status >= 500 => "ConnectionError",
            _ => "InvalidResult",
        };
    }
}
