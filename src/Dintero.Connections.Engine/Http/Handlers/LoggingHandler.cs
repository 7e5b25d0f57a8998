using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Logging;

namespace Dintero.Connections.Http.Handlers
{
    /// <summary>
    /// The innermost handler, so every attempt that goes on the wire is one Verbose line: method, path, status,
    /// duration. At Debug it adds headers and bodies. All of it passes through the redactor.
    /// </summary>
    internal sealed class LoggingHandler : DelegatingHandler
    {
        private readonly Log log;

        public LoggingHandler(Log log)
        {
            this.log = log;
        }

        // Not async when nothing is logged: no state machine on the hot path of a client without a log sink.
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            log.IsEnabled(DinteroLogLevel.Verbose) || log.IsEnabled(DinteroLogLevel.Debug)
                ? SendLoggedAsync(request, cancellationToken)
                : base.SendAsync(request, cancellationToken);

        private async Task<HttpResponseMessage> SendLoggedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {

            var context = RequestContext.Of(request);
            var describe = $"{request.Method} {request.RequestUri?.AbsolutePath}";
            var debug = log.IsEnabled(DinteroLogLevel.Debug);
            if (debug)
            {
                var body = request.Content == null ? string.Empty : await request.Content.ReadAsStringAsync().ConfigureAwait(false);
                log.Write(DinteroLogLevel.Debug, $"{describe} request headers: {Headers(request.Headers)}; body: {body}", context.SensitiveValues);
            }
            var watch = Stopwatch.StartNew();
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                log.Write(DinteroLogLevel.Verbose, $"{describe} failed after {watch.ElapsedMilliseconds} ms: {exception.GetType().Name}: {exception.Message}", context.SensitiveValues);
                throw;
            }
            log.Write(DinteroLogLevel.Verbose, $"{describe} -> {(int)response.StatusCode} {response.ReasonPhrase} ({watch.ElapsedMilliseconds} ms)", context.SensitiveValues);
            // A proxy's 407 page is not Dintero's, and a proxy that refuses a request with a body closes the connection
            // without reading it, so reading the page may fail: it is not logged.
            if (debug && response.Content != null && (int)response.StatusCode != 407)
            {
                await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                log.Write(DinteroLogLevel.Debug, $"{describe} response headers: {Headers(response.Headers)}; body: {body}", context.SensitiveValues);
            }
            return response;
        }

        private static string Headers(System.Net.Http.Headers.HttpHeaders headers) =>
            string.Join("; ", headers.Select(header => $"{header.Key}: {string.Join(",", header.Value)}"));
    }
}
