using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Auth;
using Dintero.Connections.Kinds;
using Dintero.Connections.Errors;
using Dintero.Connections.Http.Proxy;
using Dintero.Connections.Json;
using Dintero.Connections.Logging;
using Dintero.Connections.Models;
using Dintero.Connections.Redaction;
using Dintero.Connections.Time;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Http
{
    /// <summary>
    /// Dintero's Management API: one client per connected context, thread-safe, serving concurrent calls. This file
    /// holds what every call shares (the handler chain, sending, reading answers and errors); the calls are grouped by
    /// area in DinteroApi.*.cs. Errors come as <see cref="DinteroValidationException"/>, <see cref="DinteroApiException"/>
    /// or <see cref="DinteroTransportException"/>.
    /// </summary>
    public sealed partial class DinteroApi : IDisposable
    {
        private static readonly System.Net.Http.Headers.MediaTypeHeaderValue JsonContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        private readonly HandlerChain handlers;
        private readonly Redactor redactor;
        private readonly IClock clock;

        public DinteroApi(DinteroApiOptions options)
            : this(options, primaryHandler: null, SystemClock.Instance)
        {
        }

        /// <summary>For tests: a fake network (<paramref name="primaryHandler"/>) and a fake clock.</summary>
        internal DinteroApi(DinteroApiOptions options, HttpMessageHandler? primaryHandler, IClock clock)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            options.Validate();
            Credential = options.Credential!;
            AccountId = options.AccountId;
            BaseUri = WithTrailingSlash(options.BaseUri);
            var checkout = BaseUriFormat.CheckoutFor(options.BaseUri, options.CheckoutBaseUri);
            CheckoutBaseUri = checkout == null ? null : WithTrailingSlash(checkout);
            this.clock = clock;
            redactor = new Redactor();
            redactor.AddSecret(Credential.Secret);
            var route = ProxyRoute.Resolve(options.Proxy, options.Environment);
            foreach (var secret in route.Secrets) redactor.AddSecret(secret);
            Proxy = route.Description;
            MaxRetries = options.Retry.MaxRetries;
            MaxRetryAfter = options.Retry.MaxRetryAfter;
            RequestTimeout = options.RequestTimeout;
            var log = new Log(options.Log, redactor);
            TokenCache = options.TokenCache ?? new TokenCache();
            handlers = new HandlerChain(options, route, BaseUri, TokenCache, primaryHandler, clock, redactor, log);
        }

        /// <summary>Which way requests leave, e.g. <c>http://proxy.example:3128/ (given)</c>, <c>system</c>; never a password.</summary>
        public string Proxy { get; }

        /// <summary>Retries after a first attempt (<see cref="RetryOptions.MaxRetries"/>).</summary>
        public int MaxRetries { get; }

        /// <summary>The longest Retry-After waited out (<see cref="RetryOptions.MaxRetryAfter"/>).</summary>
        public TimeSpan MaxRetryAfter { get; }

        /// <summary>How long one attempt may take.</summary>
        public TimeSpan RequestTimeout { get; }

        /// <summary>The API root, ending in a slash.</summary>
        public Uri BaseUri { get; }

        /// <summary>
        /// The checkout API's root, ending in a slash (<see cref="DinteroApiOptions.CheckoutBaseUri"/>); null when the client
        /// was given an API root of its own but no checkout root, so that no token of another API travels to Dintero's.
        /// </summary>
        public Uri? CheckoutBaseUri { get; }

        /// <summary>An account's URL, as Dintero names it in a token's audience and a grant's: <c>https://api.dintero.com/v1/accounts/T11200001</c>.</summary>
        public Uri AccountUri(string accountId)
        {
            CheckAccount(accountId);
            return TokenEndpoints.AccountUri(BaseUri, accountId);
        }

        public DinteroCredential Credential { get; }

        public TokenCache TokenCache { get; }

        /// <summary>The account the client belongs to (<see cref="DinteroApiOptions.AccountId"/>), when given.</summary>
        public string? AccountId { get; }

        /// <summary>Gets a token for the account now (or uses the cached one), so bad credentials show at once; a refusal remembered from before is asked again.</summary>
        public async Task<TokenInfo> AuthenticateAsync(string accountId, CancellationToken cancellationToken = default)
        {
            CheckAccount(accountId);
            handlers.Tokens.Reconnecting(accountId);
            var token = await handlers.Tokens.GetTokenAsync(accountId, cancellationToken).ConfigureAwait(false);
            return new TokenInfo(accountId, Credential.ClientId, token.ExpiresAt);
        }

        /// <summary>Forgets the tokens this client was issued (other clients of the session keep theirs) and closes its connections.</summary>
        public void Dispose()
        {
            handlers.Tokens.ForgetAll();
            handlers.Dispose();
        }

        private static void CheckAccount(string accountId) => AccountIdFormat.Checked(accountId);

        /// <summary>Dintero's clock, as its answers' <c>Date</c> headers tell it: for settling a lost answer by reading back.</summary>
        public ServerClock ServerClock { get; } = new ServerClock();

        /// <summary>Now on this client's clock (the one tests move).</summary>
        public DateTimeOffset Now => clock.UtcNow;

        /// <summary>Sends one request for an account and reads the answer as <typeparamref name="T"/> (or as <paramref name="answer"/>, a subtype), local fields filled in.</summary>
        private Task<T> SendAsync<T>(HttpMethod method, string accountId, string path, object? body, RepeatPolicy repeat, IReadOnlyCollection<string> sensitiveValues, CancellationToken cancellationToken, Type? answer = null)
            where T : class
        {
            CheckAccount(accountId);
            return SendToAsync<T>(method, new Uri(BaseUri, $"accounts/{accountId}/{path}"), accountId, body, repeat, sensitiveValues, cancellationToken, answer);
        }

        /// <summary>As <see cref="SendAsync{T}"/>, to a URI of another API root (the checkout API's) with the account's token.</summary>
        private Task<T> SendToAsync<T>(HttpMethod method, Uri uri, string accountId, object? body, RepeatPolicy repeat, IReadOnlyCollection<string> sensitiveValues, CancellationToken cancellationToken, Type? answer = null)
            where T : class
        {
            var bytes = body == null ? null : DinteroJson.SerializeToUtf8Bytes(body);
            return SendCoreAsync(method, uri, accountId, bytes, repeat, sensitiveValues, (response, content) =>
            {
                T result;
                try
                {
                    result = answer == null ? DinteroJson.Deserialize<T>(content) : (T)DinteroJson.Deserialize(content, answer);
                }
                catch (FormatException exception)
                {
                    throw NotReadable(method.Method, response, $"a body that is not a {(answer ?? typeof(T)).Name}: {exception.Message}", sensitiveValues);
                }
                // An answer without what Dintero always answers is not Dintero's: as if the answer was lost.
                if (AnswerShape.Missing(result) is { } missing) throw NotReadable(method.Method, response, $"a body that is not a {(answer ?? typeof(T)).Name} (it has no {missing})", sensitiveValues);
                LocalFields.Fill(result, accountId);
                return result;
            }, cancellationToken);
        }

        /// <summary>
        /// The one way a request leaves: through the handler chain (retries, token, log), its answer read as bytes, Dintero's
        /// clock noted, an error status turned into a <see cref="DinteroApiException"/> (a change answered with a 5xx may have
        /// been done, and says so), and a good answer handed to <paramref name="read"/> while it is still at hand.
        /// </summary>
        private async Task<T> SendCoreAsync<T>(HttpMethod method, Uri uri, string accountId, byte[]? body, RepeatPolicy repeat, IReadOnlyCollection<string> sensitiveValues, Func<HttpResponseMessage, byte[], T> read, CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(method, uri);
            if (body != null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = JsonContentType;
            }
            var context = new RequestContext(accountId, repeat, authenticate: true, sensitiveValues);
            context.AttachTo(request);

            using var response = await handlers.Api.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var bytes = response.Content == null ? Array.Empty<byte>() : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            var arrived = clock.UtcNow;
            ServerClock.Observe(response.Headers.Date, arrived);
            if (!response.IsSuccessStatusCode)
            {
                var mayHaveBeenDone = repeat == RepeatPolicy.NotIdempotent && (int)response.StatusCode >= 500;
                throw ErrorResponseReader.ToException(response, Encoding.UTF8.GetString(bytes), arrived, redactor, sensitiveValues, mayHaveBeenDone ? MayHaveBeenProcessed : null, mayHaveBeenDone, context);
            }
            return read(response, bytes);
        }

        /// <summary>A good status with a body that cannot be read: the request may have been done.</summary>
        private DinteroTransportException NotReadable(string method, HttpResponseMessage response, string what, IReadOnlyCollection<string> sensitiveValues)
        {
            var path = response.RequestMessage?.RequestUri?.AbsolutePath ?? "?";
            return new DinteroTransportException(
                redactor.Redact($"{method} {path}: Dintero answered {(int)response.StatusCode} with {what}", sensitiveValues),
                method, path, requestMayHaveReachedServer: true, innerException: null, RequestIds.Of(response, clock.UtcNow));
        }

        private static Uri WithTrailingSlash(Uri uri) =>
            uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");
    }
}
