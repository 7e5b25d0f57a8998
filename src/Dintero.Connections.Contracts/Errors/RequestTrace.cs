using System;
using System.Globalization;

namespace Dintero.Connections.Errors
{
    /// <summary>
    /// What Dintero's support needs to find one request: its id and when it was sent. Dintero documents no request-id
    /// header in its answers (docs.dintero.com/docs/errors shows date, content-type and etag only, and asks for "the
    /// complete request ... and the error code and response"), so the module sends an id of its own on every attempt
    /// (<see cref="SentHeader"/>) and reports it, unless Dintero's answer carried one of its own.
    /// </summary>
    public sealed class RequestTrace
    {
        /// <summary>The header every attempt carries, a fresh GUID each time.</summary>
        public const string SentHeader = "X-Request-Id";

        public RequestTrace(string requestId, string? answeredHeader, DateTimeOffset at)
        {
            RequestId = requestId ?? throw new ArgumentNullException(nameof(requestId));
            AnsweredHeader = answeredHeader;
            At = at.ToUniversalTime();
        }

        /// <summary>The id to give Dintero's support.</summary>
        public string RequestId { get; }

        /// <summary>The header of Dintero's answer the id came from; null when it is the id the module sent (<see cref="SentHeader"/>).</summary>
        public string? AnsweredHeader { get; }

        /// <summary>When Dintero answered (its <c>Date</c> header), or when the attempt ended without an answer; UTC.</summary>
        public DateTimeOffset At { get; }

        /// <summary>One line for an error message, e.g. <c>Request id 6f1c… (sent as X-Request-Id) at 2026-12-01 09:50:01Z.</c></summary>
        public override string ToString() =>
            $"Request id {RequestId} ({(AnsweredHeader == null ? "sent as " + SentHeader : "Dintero's " + AnsweredHeader)}) at {At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}Z.";
    }
}
