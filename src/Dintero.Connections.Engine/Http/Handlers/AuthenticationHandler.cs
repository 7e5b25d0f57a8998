using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Auth;

namespace Dintero.Connections.Http.Handlers
{
    /// <summary>
    /// Puts the cached bearer token on each request. A 401 means the token is no longer accepted (revoked, or
    /// expired early): the token is dropped and the request replayed once with a new one. A 401 is safe to
    /// replay even for a POST: Dintero refused it before doing anything.
    /// </summary>
    internal sealed class AuthenticationHandler : DelegatingHandler
    {
        private readonly TokenProvider tokens;

        public AuthenticationHandler(TokenProvider tokens)
        {
            this.tokens = tokens;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var context = RequestContext.Of(request);
            if (!context.Authenticate) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

            var token = await tokens.GetTokenAsync(context.AccountId, cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = token.Header;
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Unauthorized) return response;

            response.Dispose();
            tokens.Invalidate(context.AccountId, token);
            using var replay = await RequestCloner.CloneAsync(request).ConfigureAwait(false);
            var fresh = await tokens.GetTokenAsync(context.AccountId, cancellationToken).ConfigureAwait(false);
            replay.Headers.Authorization = fresh.Header;
            return await base.SendAsync(replay, cancellationToken).ConfigureAwait(false);
        }
    }
}
