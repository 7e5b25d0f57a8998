using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Errors;
using Dintero.Connections.Http.Proxy;
using Dintero.Connections.Logging;
using Dintero.Connections.Time;

namespace Dintero.Connections.Http.Handlers
{
    /// <summary>
    /// The outermost handler: gives each attempt its own timeout and decides whether to try again.
    /// <list type="bullet">
    /// <item>429 is retried for every request, after <c>Retry-After</c> (capped): Dintero did not process it. The
    /// pause holds every request of the client (<see cref="RateLimitGate"/>), not only the one that got the 429.</item>
    /// <item>502/503/504 and transport failures are retried, with exponential backoff and jitter, only for
    /// requests that are safe to repeat (GET, token).</item>
    /// <item>A proxy's 407 is not retried, and a proxy that cannot be reached is named as such
    /// (<see cref="DinteroProxyException"/>), not taken for Dintero.</item>
    /// <item>A POST that may have reached Dintero is never repeated: there is no idempotency key, and a second
    /// signup may be created. Only a connection that failed before the request was sent is retried.</item>
    /// </list>
    /// </summary>
    internal sealed class RetryHandler : DelegatingHandler
    {
        private readonly RetryOptions options;
        private readonly TimeSpan attemptTimeout;
        private readonly IClock clock;
        private readonly Log log;
        private readonly RateLimitGate gate;
        private readonly ProxyRoute route;
        private readonly Random jitter = new Random();

        public RetryHandler(RetryOptions options, TimeSpan attemptTimeout, IClock clock, Log log, RateLimitGate gate, ProxyRoute route)
        {
            this.route = route;
            this.options = options;
            this.attemptTimeout = attemptTimeout;
            this.clock = clock;
            this.log = log;
            this.gate = gate;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var context = RequestContext.Of(request);
            // Said only when something goes wrong: most requests never need it.
            string? described = null;
            string Describe() => described ??= $"{request.Method} {request.RequestUri?.AbsolutePath}";
            var current = request;
            for (var attempt = 0; ; attempt++)
            {
                var lastAttempt = attempt >= options.MaxRetries;
                await WaitAtGateAsync(Describe, cancellationToken, current).ConfigureAwait(false);
                // Waited before the next attempt; a 429's wait is the gate's, shared with the client's other requests.
                TimeSpan wait;
                // Each attempt has an id of its own, for Dintero's support (RequestTrace).
                RequestIds.Stamp(current);
                try
                {
                    var response = await SendOnceAsync(current, cancellationToken).ConfigureAwait(false);
                    var status = (int)response.StatusCode;
                    if (status == ProxyAuthenticationRequired)
                    {
                        response.Dispose();
                        throw ProxyRefused(Describe(), current, innerException: null);
                    }
                    if (lastAttempt || !IsRetryable(status, context.Repeat)) return response;
                    var retry = $"(retry {attempt + 1} of {options.MaxRetries})";
                    if (status == 429)
                    {
                        var asked = RetryAfter.Of(response, clock.UtcNow) ?? Backoff(attempt);
                        if (asked > options.MaxRetryAfter)
                        {
                            // The command ends on this answer (ErrorReport): said once, whatever else was in flight. The
                            // pause is real all the same: no request of the client is sent before it is over (WaitAtGateAsync).
                            context.WaitRefused = asked;
                            var first = gate.RefuseUntil(clock.UtcNow + asked, options.MaxRetryAfter);
                            var line = $"{Describe()}: Dintero asked to wait {asked.TotalSeconds:0} s, longer than the {options.MaxRetryAfter.TotalSeconds:0} s this client waits by itself: no retry was made.";
                            // One warning for the wait, whatever else was in flight: the command ends on it with one error.
                            if (first) log.Warning(line);
                            else log.Debug(line);
                            return response;
                        }
                        gate.PauseUntil(clock.UtcNow + asked);
                        wait = TimeSpan.Zero;
                        log.Warning($"{Describe()}: Dintero answered 429; trying again in {asked.TotalSeconds:0.0} s {retry}; the client's other requests wait too.", Throttled);
                    }
                    else
                    {
                        wait = Backoff(attempt);
                        log.Warning($"{Describe()}: Dintero answered {status}; trying again in {wait.TotalSeconds:0.0} s {retry}.", Retried);
                    }
                    response.Dispose();
                }
                catch (AttemptFailedException failure)
                {
                    if (failure.ProxyRefused) throw ProxyRefused(Describe(), current, failure.InnerException);
                    var mayHaveReached = failure.RequestMayHaveBeenSent;
                    var canRepeat = !mayHaveReached || context.Repeat == RepeatPolicy.Safe;
                    if (lastAttempt || !canRepeat)
                    {
                        var proxy = route.ProxyFor(current.RequestUri);
                        if (!mayHaveReached && proxy != null) throw ProxyUnreachable(Describe(), proxy, current, failure, attempt);
                        throw TransportFailure(Describe(), request.Method.Method, request.RequestUri?.AbsolutePath ?? "?", failure, mayHaveReached && context.Repeat == RepeatPolicy.NotIdempotent, attempt, RequestIds.Unanswered(current, clock.UtcNow));
                    }
                    wait = Backoff(attempt);
                    log.Warning($"{Describe()}: {failure.Reason}; trying again in {wait.TotalSeconds:0.0} s (retry {attempt + 1} of {options.MaxRetries}).", Retried);
                }

                if (wait > TimeSpan.Zero) await clock.Delay(wait, cancellationToken).ConfigureAwait(false);
                context.Retries = attempt + 1;
                var clone = await RequestCloner.CloneAsync(request).ConfigureAwait(false);
                if (!ReferenceEquals(current, request)) current.Dispose();
                current = clone;
            }
        }

        private async Task WaitAtGateAsync(Func<string> describe, CancellationToken cancellationToken, HttpRequestMessage request)
        {
            var held = gate.Remaining;
            if (held <= TimeSpan.Zero) return;
            if (held > options.MaxRetryAfter)
            {
                // Dintero asked this client to wait longer than it waits by itself: the request is not sent at all.
                throw new DinteroApiException(429, request.Method.Method, request.RequestUri?.AbsolutePath ?? "?", null,
                    $"Dintero asked this client to wait {held.TotalSeconds:0} s more before any request, longer than the {options.MaxRetryAfter.TotalSeconds:0} s it waits by itself.",
                    Array.Empty<DinteroFieldError>(), held,
                    "Nothing was sent: run the same input again once the wait is over (what was done is skipped), or connect with a longer -MaxRetryAfter.",
                    waitRefused: held, notSent: true);
            }
            log.Debug($"{describe()}: waiting {held.TotalSeconds:0.0} s before sending, as Dintero asked this client to slow down.");
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        private static bool IsRetryable(int status, RepeatPolicy repeat) =>
            status == 429 || (repeat == RepeatPolicy.Safe && (status == 502 || status == 503 || status == 504));

        private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(attemptTimeout);
            try
            {
                return await base.SendAsync(request, attempt.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new AttemptFailedException($"no answer within {attemptTimeout.TotalSeconds:0.#} s", requestMayHaveBeenSent: true, innerException: null);
            }
            catch (HttpRequestException exception)
            {
                // An https request through a proxy opens a tunnel first; a 407 to that arrives as an exception, not an answer.
                if (TransportFailures.ProxyTunnelStatus(exception) == ProxyAuthenticationRequired) throw new AttemptFailedException("the proxy asked for credentials", false, exception) { ProxyRefused = true };
                var sent = !TransportFailures.FailedBeforeSending(exception);
                throw new AttemptFailedException(sent ? "the connection failed while the request was under way" : "could not connect", sent, exception);
            }
        }

        private const int ProxyAuthenticationRequired = 407;

        /// <summary>What to do about a change that may have been done: the one wording, for every error that says it.</summary>
        internal const string ReadBackFirst = "Read back what it creates or changes (for a signup, Get-DinteroConnection) before sending it again.";

        // What the per-request warnings are instances of: a batch shows the first of each and sums up the rest.
        internal const string Throttled = "Dintero limited the request rate (429); the requests waited as asked and were sent again";
        internal const string Retried = "Dintero answered 502, 503 or 504, or the connection failed; reads were sent again";

        private DinteroProxyException ProxyRefused(string describe, HttpRequestMessage attempt, Exception? innerException)
        {
            var proxy = route.ProxyFor(attempt.RequestUri);
            var which = proxy == null ? "A proxy on the way" : $"The proxy {ProxyRoute.Display(proxy)}";
            var given = route.HasCredentials
                ? "refused the credentials it was given (-ProxyCredential, -ProxyUseDefaultCredentials, or the proxy address's user name and password)"
                : "asked for credentials, and none were given";
            return new DinteroProxyException(DinteroProxyFailure.AuthenticationRequired, proxy,
                $"{describe}: {which} {given} (407 Proxy Authentication Required). Nothing reached Dintero.", innerException, RequestIds.Unanswered(attempt, clock.UtcNow));
        }

        private DinteroProxyException ProxyUnreachable(string describe, Uri proxy, HttpRequestMessage attempt, AttemptFailedException failure, int retries)
        {
            var tries = retries == 0 ? string.Empty : $" ({retries + 1} attempts)";
            return new DinteroProxyException(DinteroProxyFailure.Unreachable, proxy,
                $"{describe}: could not connect to the proxy {ProxyRoute.Display(proxy)}{tries}. Nothing reached Dintero.", failure.InnerException, RequestIds.Unanswered(attempt, clock.UtcNow));
        }

        private TimeSpan Backoff(int attempt)
        {
            double factor;
            lock (jitter) factor = 0.5 + jitter.NextDouble() / 2; // 50 % to 100 % of the exponential delay
            var exponential = options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt);
            return TimeSpan.FromMilliseconds(Math.Min(options.MaxDelay.TotalMilliseconds, exponential * factor));
        }

        private static DinteroTransportException TransportFailure(string describe, string method, string path, AttemptFailedException failure, bool outcomeUnknown, int retries, RequestTrace? trace)
        {
            var tries = retries == 0 ? string.Empty : $" after {retries + 1} attempts";
            return outcomeUnknown
                ? new DinteroTransportException($"{describe}: {failure.Reason}. The request may have reached Dintero, so it was not sent again: a {method} is never repeated once it may have arrived.",
                    method, path, requestMayHaveReachedServer: true, failure.InnerException, trace, ReadBackFirst)
                : new DinteroTransportException($"{describe}: {failure.Reason}{tries}.", method, path, failure.RequestMayHaveBeenSent, failure.InnerException, trace);
        }

        /// <summary>One attempt ended without an answer.</summary>
        private sealed class AttemptFailedException : Exception
        {
            public AttemptFailedException(string reason, bool requestMayHaveBeenSent, Exception? innerException)
                : base(reason, innerException)
            {
                Reason = reason;
                RequestMayHaveBeenSent = requestMayHaveBeenSent;
            }

            public string Reason { get; }

            public bool RequestMayHaveBeenSent { get; }

            /// <summary>The proxy answered the tunnel request with 407.</summary>
            public bool ProxyRefused { get; set; }
        }
    }
}
