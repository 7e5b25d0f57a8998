using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Errors;
using Dintero.Connections.Paging;
using Dintero.Connections.Redaction;
using Dintero.Connections.Requests;

namespace Dintero.Connections.Http
{
    /// <summary>
    /// Requests to endpoints the module has no call for (Invoke-DinteroRequest), with everything the typed calls have:
    /// the session's tokens (a merchant's through the partner's exchange), the retries (a change that may have arrived is
    /// never sent again), the redacted log, and Dintero's errors as <see cref="DinteroApiException"/>.
    /// </summary>
    public sealed partial class DinteroApi
    {
        /// <summary>Sends the request once (retried as its method allows) and reads the answer.</summary>
        /// <exception cref="DinteroApiException">Dintero answered with an error status.</exception>
        public Task<DinteroResponse> SendAsync(DinteroRequest request, CancellationToken cancellationToken = default)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            var repeat = request.IsChange ? RepeatPolicy.NotIdempotent : RepeatPolicy.Safe;
            return SendCoreAsync(new HttpMethod(request.Method), new Uri(BaseUri, request.RelativeUri), request.AccountId, request.Body, repeat, Array.Empty<string>(), (response, bytes) =>
            {
                object? content;
                try
                {
                    content = ResponseContent.Read(bytes);
                }
                catch (FormatException exception)
                {
                    throw NotReadable(request.Method, response, $"a body that is not JSON: {exception.Message}", Array.Empty<string>());
                }
                return new DinteroResponse((int)response.StatusCode, AnswerHeaders.Of(response, redactor), RequestIds.Of(response, clock.UtcNow), content, Redactor.MaskFields(Encoding.UTF8.GetString(bytes)));
            }, cancellationToken);
        }

        /// <summary>
        /// One page of a list endpoint (Dintero's <c>limit</c> and <c>starting_after</c>): the answer, and the cursor of the
        /// next page when this one was full, the id of its last item. An answer that is no list is one page, the last.
        /// </summary>
        public async Task<Page<DinteroResponse>> SendPageAsync(DinteroRequest request, int limit, string? startingAfter, CancellationToken cancellationToken = default)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            CursorPaging.ThrowIfNotLimit(limit, nameof(limit));
            var response = await SendAsync(request.Page(limit, startingAfter), cancellationToken).ConfigureAwait(false);
            var items = response.Items;
            // Dintero's cursor rule (CursorPaging): a full page's last item's id.
            var next = items == null ? null : CursorPaging.Of(items, limit, item => item is System.Collections.Generic.IReadOnlyDictionary<string, object?> map && map.TryGetValue("id", out var id) ? id as string : null).NextCursor;
            return new Page<DinteroResponse>(new[] { response }, next);
        }

        /// <summary>Said of a change Dintero answered with a 5xx: it was not sent again, and may have been done.</summary>
        internal const string MayHaveBeenProcessed = "The request may have been processed although Dintero answered with an error; it was not sent again. " + Handlers.RetryHandler.ReadBackFirst;
    }
}
