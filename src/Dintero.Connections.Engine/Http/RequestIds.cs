using System;
using System.Linq;
using System.Net.Http;
using Dintero.Connections.Errors;

namespace Dintero.Connections.Http
{
    /// <summary>
    /// Every attempt carries a fresh <see cref="RequestTrace.SentHeader"/>, so that a failed call can be named to Dintero's
    /// support, and an answer that brings an id of its own is read for it. Dintero documents no such header; the names
    /// read are the common ones a gateway in front of an API adds.
    /// </summary>
    internal static class RequestIds
    {
        private static readonly string[] AnswerHeaders = { "Request-Id", "X-Request-Id", "X-Correlation-Id", "X-Amzn-RequestId", "X-Amz-Cf-Id" };

        /// <summary>Gives this attempt its own id (an attempt cloned from an earlier one gets a new id, not the old one's).</summary>
        public static void Stamp(HttpRequestMessage request)
        {
            request.Headers.Remove(RequestTrace.SentHeader);
            request.Headers.TryAddWithoutValidation(RequestTrace.SentHeader, Guid.NewGuid().ToString());
        }

        /// <summary>The id this attempt was sent with, if it was stamped.</summary>
        public static string? Sent(HttpRequestMessage? request) =>
            request != null && request.Headers.TryGetValues(RequestTrace.SentHeader, out var values) ? values.FirstOrDefault() : null;

        /// <summary>An attempt that got no answer: the id it was sent with, and now.</summary>
        public static RequestTrace? Unanswered(HttpRequestMessage request, DateTimeOffset now) =>
            Sent(request) is { } id ? new RequestTrace(id, answeredHeader: null, now) : null;

        /// <summary>An answer: Dintero's own id if it sent one, else the one sent; Dintero's <c>Date</c>, else now.</summary>
        public static RequestTrace? Of(HttpResponseMessage response, DateTimeOffset now)
        {
            var at = response.Headers.Date ?? now;
            foreach (var name in AnswerHeaders)
            {
                if (response.Headers.TryGetValues(name, out var values) && values.FirstOrDefault() is { Length: > 0 } answered)
                {
                    return new RequestTrace(answered, name, at);
                }
            }
            return Sent(response.RequestMessage) is { } sent ? new RequestTrace(sent, answeredHeader: null, at) : null;
        }
    }
}
