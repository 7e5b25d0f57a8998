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
            string? hint)
            : base(BuildMessage(statusCode, method, requestPath, dinteroMessage, fieldErrors, hint))
        {
            StatusCode = statusCode;
            Method = method;
            RequestPath = requestPath;
            Code = code;
            DinteroMessage = dinteroMessage;
            FieldErrors = fieldErrors;
            RetryAfter = retryAfter;
            Hint = hint;
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

        /// <summary>What to do about it, when there is advice to give.</summary>
        public string? Hint { get; }

        public override string ErrorId => $"Dintero.Api.{StatusCode}" + (string.IsNullOrEmpty(Code) ? string.Empty : "." + Code);

        /// <summary>Every field error, depth first, with nested ones flattened.</summary>
        public IEnumerable<DinteroFieldError> AllFieldErrors() => Flatten(FieldErrors);

        private static IEnumerable<DinteroFieldError> Flatten(IEnumerable<DinteroFieldError> errors) =>
            errors.SelectMany(error => new[] { error }.Concat(Flatten(error.Errors)));

        /// <summary>The field errors that say something, flattened, one indented line each: for the message and for ErrorDetails.</summary>
        internal IEnumerable<string> FieldErrorLines() => FieldErrorLines(FieldErrors);

        private static IEnumerable<string> FieldErrorLines(IEnumerable<DinteroFieldError> fieldErrors) =>
            Flatten(fieldErrors).Where(error => error.Message != null || error.Path != null).Select(error => "  " + error);

        private static string BuildMessage(int status, string method, string path, string message, IReadOnlyList<DinteroFieldError> fieldErrors, string? hint)
        {
            var lines = new[] { $"Dintero answered {status} to {method} {path}: {message}" }.Concat(FieldErrorLines(fieldErrors));
            if (hint != null) lines = lines.Concat(new[] { hint });
            return string.Join("\n", lines);
        }
    }
}
