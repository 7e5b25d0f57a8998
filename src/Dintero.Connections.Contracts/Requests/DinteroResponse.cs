using System.Collections.Generic;
using Dintero.Connections.Errors;

namespace Dintero.Connections.Requests
{
    /// <summary>
    /// Dintero's answer to a request sent with Invoke-DinteroRequest (the engine's DinteroRequest): status, headers, and the body read into plain values
    /// (dictionaries in document order, lists, text, numbers, booleans), credentials held as <see cref="Models.DinteroSecret"/>.
    /// </summary>
    public sealed class DinteroResponse
    {
        internal DinteroResponse(int statusCode, IReadOnlyDictionary<string, string> headers, RequestTrace? trace, object? content, string json)
        {
            StatusCode = statusCode;
            Headers = headers;
            Trace = trace;
            Content = content;
            Json = json;
        }

        public int StatusCode { get; }

        /// <summary>The answer's headers, redacted (<see cref="DinteroApiException.ResponseHeaders"/> has the same for a failure).</summary>
        /// <remarks>In the contracts, beside the errors, because Invoke-DinteroRequest's type names it; the engine fills it in.</remarks>
        public IReadOnlyDictionary<string, string> Headers { get; }

        public RequestTrace? Trace { get; }

        /// <summary>The body as plain values; null for an empty body.</summary>
        public object? Content { get; }

        /// <summary>The body as Dintero sent it, but with the values of credential and personal fields masked as "***".</summary>
        public string Json { get; }

        /// <summary>The items of a list answer; null when the answer is no list.</summary>
        public IReadOnlyList<object?>? Items => Content as IReadOnlyList<object?>;
    }
}
