using System;
using System.Collections.Generic;
using System.Linq;

namespace Dintero.Connections.Errors
{
    /// <summary>Dintero answered with an error status. Carries Dintero's code, message and field errors, never the request body.</summary>
    public sealed class DinteroApiException : DinteroException
    {
        public DinteroApiException(
            int statusCode,
            string method,
            string requestPath,
            string? code,
            string dinteroMessage,
            IReadOnlyList<DinteroFieldError> fieldErrors,
            TimeSpan? retryAfter,
            string? advice,
            RequestTrace? trace = null,
            IReadOnlyDictionary<string, string>? responseHeaders = null,
            bool mayHaveBeenDone = false,
            int retries = 0,
            TimeSpan? waitRefused = null,
            string? redirectedTo = null,
            bool notSent = false)
            : base(notSent ? $"{method} {requestPath} was not sent: {dinteroMessage}" : Describe(statusCode, method, requestPath, dinteroMessage, fieldErrors), advice, null, trace)
        {
            NotSent = notSent;
            Retries = retries;
            WaitRefused = waitRefused;
            RedirectedTo = redirectedTo;
            MayHaveBeenDone = mayHaveBeenDone;
            ResponseHeaders = responseHeaders ?? new Dictionary<string, string>(0);
            StatusCode = statusCode;
            Method = method;
            RequestPath = requestPath;
            Code = code;
            DinteroMessage = dinteroMessage;
            FieldErrors = fieldErrors;
            RetryAfter = retryAfter;
        }

        public int StatusCode { get; }

        public string Method { get; }

        /// <summary>The path of the request, e.g. <c>/v1/accounts/T12345678/management/settings/connections/common</c>.</summary>
        public string RequestPath { get; }

        /// <summary>Dintero's error code, when it sent one.</summary>
        public string? Code { get; }

        /// <summary>Dintero's human-readable message (redacted).</summary>
        public string DinteroMessage { get; }

        /// <summary>The nested field errors of a validation failure.</summary>
        public IReadOnlyList<DinteroFieldError> FieldErrors { get; }

        /// <summary>How long Dintero asked to wait (429).</summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>True for a change Dintero answered with a 5xx: it was not sent again, and may have been done all the same.</summary>
        public bool MayHaveBeenDone { get; }

        public override bool OutcomeUnknown => MayHaveBeenDone;

        /// <summary>
        /// The headers of Dintero's answer (redacted), one comma-joined value per name, names compared case-insensitively:
        /// what support or a script needs beyond the body, such as <c>Retry-After</c> or a gateway's headers.
        /// </summary>
        public IReadOnlyDictionary<string, string> ResponseHeaders { get; }

        /// <summary>True when Dintero still limited the rate after the client waited and retried as long as it may: <c>Dintero.Throttled</c>.</summary>
        public bool IsThrottled => StatusCode == 429;

        /// <summary>How many times the request was sent again before this answer (0: none was).</summary>
        public int Retries { get; }

        /// <summary>Set when Dintero asked to wait longer than the client waits by itself: how long. No retry was made, and the command sends nothing more.</summary>
        public TimeSpan? WaitRefused { get; }

        /// <summary>Set for a 3xx answer: where it pointed (redacted). Redirects are not followed; nothing was sent again.</summary>
        public string? RedirectedTo { get; }

        /// <summary>
        /// True when this request was never sent: an earlier answer (<see cref="StatusCode"/>, a 429) asked the client to wait
        /// longer than it waits by itself, and the wait is not over.
        /// </summary>
        public bool NotSent { get; }

        /// <summary>True for a redirect (3xx), which is never followed: only Dintero's own answers count.</summary>
        public bool IsRedirect => StatusCode >= 300 && StatusCode < 400;

        /// <summary>
        /// <c>Dintero.Api.{status}[.{code}]</c>, except a throttling give-up (<c>Dintero.Throttled</c>, so that a script can
        /// catch it apart from other errors and run the rest later) and a redirect (<c>Dintero.Redirected</c>).
        /// </summary>
        public override string ErrorId => IsThrottled
            ? ThrottledErrorId
            : IsRedirect ? RedirectedErrorId : ErrorIds.ApiPrefix + StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) + (string.IsNullOrEmpty(Code) ? string.Empty : "." + Code);

        /// <summary>The ErrorId of a request Dintero kept answering 429.</summary>
        public const string ThrottledErrorId = ErrorIds.Throttled;

        /// <summary>The ErrorId of a request answered with a redirect, which is not followed.</summary>
        public const string RedirectedErrorId = ErrorIds.Redirected;

        /// <summary>Every field error, depth first, with nested ones flattened.</summary>
        public IEnumerable<DinteroFieldError> AllFieldErrors() => Flatten(FieldErrors);

        private static IEnumerable<DinteroFieldError> Flatten(IEnumerable<DinteroFieldError> errors) =>
            errors.SelectMany(error => new[] { error }.Concat(Flatten(error.Errors)));

        /// <summary>The field errors that say something, flattened, one indented line each: for the message and for ErrorDetails.</summary>
        internal IEnumerable<string> FieldErrorLines() => FieldErrorLines(FieldErrors);

        private static IEnumerable<string> FieldErrorLines(IEnumerable<DinteroFieldError> fieldErrors) =>
            Flatten(fieldErrors).Where(error => error.Message != null || error.Path != null).Select(error => "  " + error);

        private static string Describe(int status, string method, string path, string message, IReadOnlyList<DinteroFieldError> fieldErrors) =>
            string.Join("\n", new[] { $"Dintero answered {status} to {method} {path}: {message}" }.Concat(FieldErrorLines(fieldErrors)));
    }
}
