using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Http;
using Dintero.Connections.Logging;
using Dintero.Connections.Redaction;
using Dintero.Connections.Time;

namespace Dintero.Connections.Auth
{
    /// <summary>
    /// Gets client-credentials tokens and caches them: one token request serves every call until shortly before
    /// the token expires. Concurrent callers wait for the one request under way instead of sending their own.
    /// </summary>
    internal sealed class TokenProvider
    {
        private readonly Func<HttpClient> tokenClient;
        private readonly Uri apiRoot;
        private readonly ClientCredential credential;
        private readonly TokenCache.Partition cache;
        private readonly TimeSpan? renewalMargin;
        private readonly IClock clock;
        private readonly Redactor redactor;
        private readonly Log log;

        public TokenProvider(Func<HttpClient> tokenClient, Uri apiRoot, ClientCredential credential, TokenCache cache, TimeSpan? renewalMargin, IClock clock, Redactor redactor, Log log)
        {
            this.tokenClient = tokenClient;
            this.apiRoot = apiRoot;
            this.credential = credential;
            this.cache = cache.PartitionFor(apiRoot, credential);
            this.renewalMargin = renewalMargin;
            this.clock = clock;
            this.redactor = redactor;
            this.log = log;
        }

        public async Task<AccessToken> GetTokenAsync(string accountId, CancellationToken cancellationToken)
        {
            var entry = cache.For(accountId);
            var cached = entry.Token;
            if (IsFresh(cached)) return cached!;

            await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Whoever held the gate before may have fetched a token meanwhile.
                cached = entry.Token;
                if (IsFresh(cached)) return cached!;
                log.Debug(cached == null
                    ? $"No token cached for account {accountId}; requesting one."
                    : $"The token for account {accountId} expires at {cached.ExpiresAt:u}; requesting a new one.");
                var token = await RequestTokenAsync(accountId, cancellationToken).ConfigureAwait(false);
                entry.Token = token;
                return token;
            }
            finally
            {
                entry.Gate.Release();
            }
        }

        /// <summary>Drops the token if it is still the cached one (a 401 showed it is no longer accepted).</summary>
        public void Invalidate(string accountId, AccessToken rejected)
        {
            var entry = cache.For(accountId);
            if (ReferenceEquals(entry.Token, rejected))
            {
                entry.Token = null;
                log.Debug($"Dintero rejected the cached token for account {accountId}; it was dropped.");
            }
        }

        /// <summary>Drops every token this client was issued, as <c>Disconnect-Dintero</c> does for its context.</summary>
        public void ForgetAll() => cache.Forget();

        private bool IsFresh(AccessToken? token) => token != null && clock.UtcNow < token.RenewAt(renewalMargin);

        private async Task<AccessToken> RequestTokenAsync(string accountId, CancellationToken cancellationToken)
        {
            var accountUri = new Uri(apiRoot, $"accounts/{accountId}");
            var body = JsonSerializer.Serialize(new { grant_type = "client_credentials", audience = accountUri.AbsoluteUri });
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(apiRoot, $"accounts/{accountId}/auth/token"))
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(credential.ClientId + ":" + credential.Secret));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
            new RequestContext(accountId, RepeatPolicy.Safe, authenticate: false, Array.Empty<string>()).AttachTo(request);

            var requestedAt = clock.UtcNow;
            using var response = await tokenClient().SendAsync(request, cancellationToken).ConfigureAwait(false);
            var text = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var hint = (int)response.StatusCode == 401 || (int)response.StatusCode == 403
                    ? $"Check the client id '{credential.ClientId}' and its secret, and that the client belongs to account {accountId}."
                    : null;
                throw ErrorResponseReader.ToException(response, text, clock.UtcNow, redactor, Array.Empty<string>(), hint);
            }
            var token = ParseToken(text, requestedAt, accountId);
            // From now on the token is masked wherever it might show up.
            redactor.AddSecret(token.Value);
            log.Debug($"Got a token for account {accountId}, valid until {token.ExpiresAt:u}.");
            return token;
        }

        private AccessToken ParseToken(string text, DateTimeOffset requestedAt, string accountId)
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
                throw new Errors.DinteroTransportException(
                    $"The token answer for account {accountId} held no access_token.", "POST", $"/accounts/{accountId}/auth/token", requestMayHaveReachedServer: true, innerException: null);
            }
            if (expiresIn == null || expiresIn <= 0)
            {
                // Never assume a lifetime: without one the token serves this call only.
                log.Warning($"The token answer for account {accountId} gave no expires_in; the token will not be reused.");
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
