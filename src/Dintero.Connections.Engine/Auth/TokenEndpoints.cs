using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Errors;
using Dintero.Connections.Http;
using Dintero.Connections.Logging;
using Dintero.Connections.Redaction;
using Dintero.Connections.Time;

namespace Dintero.Connections.Auth
{
    /// <summary>
    /// Dintero's three token calls on the wire, and how their answers are read:
    /// <list type="bullet">
    /// <item>a client-credentials token for the client's own account (Basic authentication);</item>
    /// <item>a partner's exchange token for one of its merchants (<c>POST /accounts/{partner}/auth/exchange_token</c>,
    /// with the partner's token);</item>
    /// <item>that merchant's token (<c>POST /accounts/{merchant}/auth/token</c> with the exchange token, audience the
    /// partner's account).</item>
    /// </list>
    /// Every token received is masked from then on, wherever it might show up. Token calls are safe to repeat, so the
    /// retry handler retries them after 429, 502-504 and transport failures.
    /// </summary>
    internal sealed class TokenEndpoints
    {
        private readonly Func<HttpClient> tokenClient;
        private readonly Uri apiRoot;
        private readonly DinteroCredential credential;
        private readonly IClock clock;
        private readonly Redactor redactor;
        private readonly Log log;

        public TokenEndpoints(Func<HttpClient> tokenClient, Uri apiRoot, DinteroCredential credential, IClock clock, Redactor redactor, Log log)
        {
            this.tokenClient = tokenClient;
            this.apiRoot = apiRoot;
            this.credential = credential;
            this.clock = clock;
            this.redactor = redactor;
            this.log = log;
        }

        public Uri AccountUri(string accountId) => AccountUri(apiRoot, accountId);

        /// <summary>The account's URL under an API root (ending in a slash): the audience of its tokens and of its grants.</summary>
        public static Uri AccountUri(Uri apiRoot, string accountId) => new Uri(apiRoot, $"accounts/{accountId}");

        /// <summary>The API client's id (never its secret), for messages.</summary>
        public string ClientId => credential.ClientId;

        /// <summary>A token for the client's own account, with its id and secret.</summary>
        public Task<AccessToken> ClientCredentialsAsync(string accountId, CancellationToken cancellationToken)
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(credential.ClientId + ":" + credential.Secret));
            var body = JsonSerializer.Serialize(new { grant_type = "client_credentials", audience = AccountUri(accountId).AbsoluteUri });
            return SendAsync(accountId, $"accounts/{accountId}/auth/token", new AuthenticationHeaderValue("Basic", basic), body, "token", cancellationToken);
        }

        /// <summary>An exchange token for a merchant of the partner, bought with the partner's own token.</summary>
        public Task<AccessToken> ExchangeAsync(string partnerId, AccessToken partnerToken, string merchantId, CancellationToken cancellationToken)
        {
            var body = JsonSerializer.Serialize(new { account_id = merchantId });
            return SendAsync(merchantId, $"accounts/{partnerId}/auth/exchange_token", partnerToken.Header, body, "exchange token", cancellationToken);
        }

        /// <summary>The merchant's own token, bought with the exchange token; its audience is the partner's account.</summary>
        public Task<AccessToken> MerchantTokenAsync(string partnerId, string merchantId, AccessToken exchangeToken, CancellationToken cancellationToken)
        {
            var body = JsonSerializer.Serialize(new { grant_type = "client_credentials", audience = AccountUri(partnerId).AbsoluteUri });
            return SendAsync(merchantId, $"accounts/{merchantId}/auth/token", exchangeToken.Header, body, "token", cancellationToken);
        }

        /// <summary>A token no longer used (an exchange token spent): it is no longer masked by value; its shape still is.</summary>
        public void Discard(AccessToken token) => redactor.RemoveSecret(token.Value);

        /// <exception cref="DinteroApiException">Dintero refused; the answer, without any token.</exception>
        private async Task<AccessToken> SendAsync(string accountId, string path, AuthenticationHeaderValue authorization, string body, string what, CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(apiRoot, path)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = authorization;
            var context = new RequestContext(accountId, RepeatPolicy.Safe, authenticate: false, Array.Empty<string>());
            context.AttachTo(request);

            var requestedAt = clock.UtcNow;
            using var response = await tokenClient().SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            // Not the API calls' advice (a missing scope): what a refused token request means is said by the caller.
            if (!response.IsSuccessStatusCode) throw ErrorResponseReader.ToException(response, text, clock.UtcNow, redactor, Array.Empty<string>(), advice: $"Dintero refused the {what} request for account {accountId}.", context: context);
            var token = Parse(text, requestedAt, accountId, path, what);
            // From now on the token is masked wherever it might show up.
            redactor.AddSecret(token.Value);
            log.Debug($"Got {(what == "token" ? "a token" : "an " + what)} for account {accountId}, valid until {token.ExpiresAt:u}.");
            return token;
        }

        private AccessToken Parse(string text, DateTimeOffset requestedAt, string accountId, string path, string what)
        {
            string? value = null;
            double? expiresIn = null;
            try
            {
                using var document = JsonDocument.Parse(text);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    if (root.TryGetProperty("access_token", out var tokenElement) && tokenElement.ValueKind == JsonValueKind.String) value = tokenElement.GetString();
                    if (root.TryGetProperty("expires_in", out var expiry)) expiresIn = ReadSeconds(expiry);
                }
            }
            catch (JsonException)
            {
                // Reported below without the text, which may hold the token.
            }
            if (string.IsNullOrEmpty(value))
            {
                throw new DinteroTransportException($"The {what} answer for account {accountId} held no access_token.", "POST", "/" + path, requestMayHaveReachedServer: true, innerException: null);
            }
            if (expiresIn == null || expiresIn <= 0)
            {
                // Never assume a lifetime: without one the token serves this call only.
                log.Warning($"The {what} answer for account {accountId} gave no expires_in; the token will not be reused.");
                expiresIn = 0;
            }
            // Counted from when the request was sent, so time spent waiting for the answer is not counted twice.
            return new AccessToken(value!, requestedAt, requestedAt.AddSeconds(expiresIn.Value));
        }

        private static double? ReadSeconds(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var number)) return number;
            if (element.ValueKind == JsonValueKind.String && double.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)) return parsed;
            return null;
        }
    }
}
