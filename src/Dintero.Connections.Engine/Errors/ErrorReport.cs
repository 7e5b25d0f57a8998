using System;
using Dintero.Connections.Redaction;

namespace Dintero.Connections.Errors
{
    /// <summary>
    /// How an exception reads as a PowerShell ErrorRecord, decided here so it is tested without a host: the
    /// category, a stable ErrorId, the message the error view shows and the recommended action.
    /// </summary>
    public sealed class ErrorReport
    {
        private ErrorReport(RecordCategory category, string errorId, string message, string? recommendedAction, bool endsCommand = false)
        {
            Category = category;
            ErrorId = errorId;
            Message = message;
            RecommendedAction = recommendedAction;
            EndsCommand = endsCommand;
        }

        public RecordCategory Category { get; }

        public string ErrorId { get; }

        /// <summary>What the error view shows: the exception's message, already redacted.</summary>
        public string Message { get; }

        public string? RecommendedAction { get; }

        /// <summary>
        /// True when nothing more of the command can run (the client's credentials were refused): one terminating error,
        /// not the same error for every row still to come.
        /// </summary>
        public bool EndsCommand { get; }

        public static ErrorReport From(Exception exception)
        {
            switch (exception)
            {
                case DinteroApiException api:
                    // A wait the client will not make, or a redirect, is met by every request alike: one error ends the command.
                    return new ErrorReport(CategoryOf(api.StatusCode), api.ErrorId, api.Message, api.Advice ?? SupportAdvice(api), endsCommand: api.WaitRefused != null || api.IsRedirect);
                case DinteroReadBackException readBack:
                    return readBack.Finding == ReadBackFinding.CannotTell
                        ? new ErrorReport(RecordCategory.OperationTimeout, readBack.ErrorId, readBack.Message, readBack.Advice)
                        : new ErrorReport(From(readBack.Lost).Category, readBack.ErrorId, readBack.Message, readBack.Advice);
                case DinteroRollbackException rollback:
                    // The cause's category (a refused grant is InvalidArgument, a 5xx ConnectionError), the rollback's words.
                    return new ErrorReport(From(rollback.Cause).Category, rollback.ErrorId, rollback.Description, rollback.Advice);
                case DinteroAccessException access:
                    return access.Failure switch
                    {
                        DinteroAccessFailure.CredentialsRefused => new ErrorReport(RecordCategory.AuthenticationError, access.ErrorId, access.Message,
                            ErrorIds.Advice.CredentialsRefused, endsCommand: true),
                        DinteroAccessFailure.NotPartnerMerchant => new ErrorReport(RecordCategory.PermissionDenied, access.ErrorId, access.Message,
                            $"Check the account id; Get-DinteroAccount lists the merchants of partner {access.ConnectedAccountId}."),
                        // Nothing of the command can run on this connection: one error, not one per row.
                        DinteroAccessFailure.NotPartner => new ErrorReport(RecordCategory.InvalidOperation, access.ErrorId, access.Message,
                            ErrorIds.Advice.ConnectPartner, endsCommand: true),
                        // Every account of the command gets its token the same way, so every one lacks the scope alike.
                        DinteroAccessFailure.MissingScope => new ErrorReport(RecordCategory.PermissionDenied, access.ErrorId, access.Description, access.Advice, endsCommand: true),
                        DinteroAccessFailure.NotConnected => new ErrorReport(RecordCategory.ConnectionError, access.ErrorId, access.Description,
                            access.Advice ?? ErrorIds.Advice.Connect, endsCommand: true),
                        _ => new ErrorReport(RecordCategory.PermissionDenied, access.ErrorId, access.Message,
                            $"Connect-Dintero with the partner account ({Validation.AccountIdFormat.PartnerRule}) to reach its merchants, or with the account's own API client."),
                    };
                case DinteroProxyException proxy:
                    // The proxy stops every request alike: one error ends the command instead of one per row.
                    return proxy.Failure == DinteroProxyFailure.AuthenticationRequired
                        ? new ErrorReport(RecordCategory.AuthenticationError, proxy.ErrorId, proxy.Message,
                            ErrorIds.Advice.ProxyCredential, endsCommand: true)
                        : new ErrorReport(RecordCategory.ConnectionError, proxy.ErrorId, proxy.Message,
                            ErrorIds.Advice.ProxyAddress, endsCommand: true);
                case DinteroValidationException validation:
                    return new ErrorReport(RecordCategory.InvalidArgument, validation.ErrorId, validation.Message, ErrorIds.Advice.ValidationFailed);
                case DinteroTransportException transport:
                    return transport.RequestMayHaveReachedServer
                        ? new ErrorReport(RecordCategory.OperationTimeout, transport.ErrorId, transport.Message, transport.Advice ?? Http.Handlers.RetryHandler.ReadBackFirst)
                        : new ErrorReport(RecordCategory.ConnectionError, transport.ErrorId, transport.Message, transport.Advice ?? "Check the network and the base URI, then try again.");
                case DinteroWaitException wait:
                    // An approval's wait says what to read in its own words (Waiting.Follow); a connection's, these.
                    return wait.TimedOut
                        ? new ErrorReport(RecordCategory.OperationTimeout, wait.ErrorId, wait.Description, wait.Advice ?? "Wait again with a longer -Timeout, or check the connection with Get-DinteroConnection.")
                        : new ErrorReport(RecordCategory.InvalidResult, wait.ErrorId, wait.Description, wait.Advice ?? "Read the connection's events (Get-DinteroConnection | Format-List) for what Dintero says.");
                case DinteroUnexpectedException unexpected:
                    return new ErrorReport(RecordCategory.NotSpecified, unexpected.ErrorId, unexpected.Message, null);
                default:
                    return From(Wrapped(exception));
            }
        }

        /// <summary>
        /// The module's own exception for one it did not raise itself, so that every error it writes is a
        /// <see cref="DinteroException"/>: a context closed while a call ran is <c>Dintero.NotConnected</c>, anything else
        /// <c>Dintero.Unexpected</c> with the original inside.
        /// </summary>
        public static DinteroException Wrapped(Exception exception) => exception switch
        {
            DinteroException dintero => dintero,
            ObjectDisposedException _ => new DinteroAccessException(DinteroAccessFailure.NotConnected, string.Empty, string.Empty,
                "The context was closed (Disconnect-Dintero) while the command ran.", "Run Connect-Dintero, then the command again.", null),
            _ => new DinteroUnexpectedException(Redactor.Shapes.Redact(exception.Message), exception),
        };

        // Dintero asks for the request, the error code and the answer on a 5xx (docs.dintero.com/docs/errors).
        private static string? SupportAdvice(DinteroApiException api) =>
            api.StatusCode >= 500 && api.Trace != null
                ? $"Dintero's side failed. If it lasts, give Dintero's support the request id {api.Trace.RequestId}, the time and this message."
                : null;

        /// <summary>The category for an HTTP status.</summary>
        public static RecordCategory CategoryOf(int status) => status switch
        {
            400 => RecordCategory.InvalidArgument,
            401 => RecordCategory.AuthenticationError,
            403 => RecordCategory.PermissionDenied,
            404 => RecordCategory.ObjectNotFound,
            409 => RecordCategory.ResourceExists,
            429 => RecordCategory.LimitsExceeded,
            _ when status >= 300 && status < 400 => RecordCategory.SecurityError,
            _ when status >= 500 => RecordCategory.ConnectionError,
            _ => RecordCategory.InvalidResult,
        };

        /// <summary>
        /// What the error view prints as the error's target, in place of the input's text: an Import-Csv row or JSON
        /// text would print whole, social security and bank account numbers included (Windows PowerShell's view and
        /// PowerShell 7's NormalView show it on the CategoryInfo line). The input itself stays the TargetObject.
        /// </summary>
        public static string TargetName(int? pipelineItem, string? accountId)
        {
            // Only a well-formed account id is shown: a mistyped cell may hold anything.
            var account = Validation.AccountIdFormat.IsValid(accountId) ? "account " + accountId : null;
            if (pipelineItem == null) return account ?? "input";
            return account == null ? $"pipeline item {pipelineItem}" : $"pipeline item {pipelineItem}, {account}";
        }
    }
}
