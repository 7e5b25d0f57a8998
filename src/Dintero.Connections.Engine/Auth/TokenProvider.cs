using System;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Errors;
using Dintero.Connections.Logging;
using Dintero.Connections.Time;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Auth
{
    /// <summary>
    /// Which token serves which account, cached: one token request serves every call for an account until shortly
    /// before the token expires, and concurrent callers for an account wait for the one request under way.
    /// <list type="bullet">
    /// <item>The connected account (a merchant's, or a partner's own): a client-credentials token.</item>
    /// <item>Connected as a partner (<see cref="AccountIdFormat.IsPartner"/>), any other account is a merchant of the
    /// partner: the partner's token buys an exchange token for it, which buys the merchant's token. A refused exchange
    /// token renews the partner's token once; a merchant the partner does not have fails on its own, and is not asked
    /// for again for a minute.</item>
    /// <item>Refused credentials fail every later call at once, without a request, until <see cref="Reconnecting"/>.</item>
    /// </list>
    /// </summary>
    internal sealed class TokenProvider
    {
        /// <summary>How long a refused merchant is answered from memory, so a sheet of its rows sends one exchange, not one each.</summary>
        public static readonly TimeSpan RefusalMemory = TimeSpan.FromMinutes(1);

        private readonly TokenEndpoints endpoints;
        private readonly string? connectedAccount;
        private readonly TokenCache.Partition cache;
        private readonly TimeSpan? renewalMargin;
        private readonly IClock clock;
        private readonly Log log;

        /// <param name="endpoints">The token calls on the wire.</param>
        /// <param name="connectedAccount">The account the client belongs to; null when unknown (every account is asked for with the client's credentials).</param>
        /// <param name="cache">This client's part of the session's token cache.</param>
        /// <param name="renewalMargin">How long before expiry a token is renewed; null for Dintero's own rule.</param>
        /// <param name="clock">Now, as the client sees it.</param>
        /// <param name="log">Where the token steps are logged, redacted.</param>
        public TokenProvider(TokenEndpoints endpoints, string? connectedAccount, TokenCache.Partition cache, TimeSpan? renewalMargin, IClock clock, Log log)
        {
            this.endpoints = endpoints;
            this.connectedAccount = connectedAccount;
            this.cache = cache;
            this.renewalMargin = renewalMargin;
            this.clock = clock;
            this.log = log;
        }

        private bool AsPartner => AccountIdFormat.IsPartner(connectedAccount);

        public async Task<AccessToken> GetTokenAsync(string accountId, CancellationToken cancellationToken)
        {
            var entry = cache.For(accountId);
            var cached = entry.Token;
            if (IsFresh(cached)) return cached!;
            ThrowIfRefused(entry);

            await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Whoever held the gate before may have fetched a token, or been refused, meanwhile.
                cached = entry.Token;
                if (IsFresh(cached)) return cached!;
                ThrowIfRefused(entry);
                log.Debug(cached == null
                    ? $"No token cached for account {accountId}; requesting one."
                    : $"The token for account {accountId} expires at {cached.ExpiresAt:u}; requesting a new one.");
                var token = AsPartner && accountId != connectedAccount
                    ? await MerchantTokenAsync(accountId, entry, cancellationToken).ConfigureAwait(false)
                    : await ClientCredentialsAsync(accountId, entry, cancellationToken).ConfigureAwait(false);
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

        /// <summary>Connect-Dintero asks again: a refusal remembered from before does not answer for Dintero.</summary>
        public void Reconnecting(string accountId) => cache.For(accountId).Refusal = null;

        /// <summary>Drops every token this client was issued, as <c>Disconnect-Dintero</c> does for its context.</summary>
        public void ForgetAll() => cache.Forget();

        private bool IsFresh(AccessToken? token) => token != null && clock.UtcNow < token.RenewAt(renewalMargin);

        private void ThrowIfRefused(TokenCache.Entry entry)
        {
            var refusal = entry.Refusal;
            if (refusal != null && clock.UtcNow < refusal.Until) throw refusal.Exception;
        }

        private async Task<AccessToken> ClientCredentialsAsync(string accountId, TokenCache.Entry entry, CancellationToken cancellationToken)
        {
            try
            {
                return await endpoints.ClientCredentialsAsync(accountId, cancellationToken).ConfigureAwait(false);
            }
            catch (DinteroApiException answer) when (answer.StatusCode == 401 || answer.StatusCode == 403)
            {
                DinteroAccessException refused;
                if (connectedAccount == null || accountId == connectedAccount)
                {
                    refused = new DinteroAccessException(DinteroAccessFailure.CredentialsRefused, accountId, accountId,
                        $"Dintero refused the credentials of API client '{endpoints.ClientId}' for account {accountId} ({answer.StatusCode}: {answer.DinteroMessage}). Check the client id and secret, and that the client belongs to account {accountId} and has not been deleted.",
                        answer);
                    // Until Connect-Dintero asks again: every later call of the batch fails at once, not with a request each.
                    entry.Refusal = new TokenCache.Refused(refused, DateTimeOffset.MaxValue);
                }
                else
                {
                    refused = new DinteroAccessException(DinteroAccessFailure.OtherAccount, accountId, connectedAccount,
                        $"The API client of account {connectedAccount} cannot reach account {accountId} ({answer.StatusCode}: {answer.DinteroMessage}). A client belongs to one account; connect with that account's own client, or with your partner account to reach your merchants.",
                        answer);
                    entry.Refusal = new TokenCache.Refused(refused, clock.UtcNow + RefusalMemory);
                }
                throw refused;
            }
        }

        private async Task<AccessToken> MerchantTokenAsync(string merchantId, TokenCache.Entry entry, CancellationToken cancellationToken)
        {
            var partnerId = connectedAccount!;
            var partnerToken = await GetTokenAsync(partnerId, cancellationToken).ConfigureAwait(false);
            log.Debug($"Exchanging the partner token of {partnerId} for a token for its merchant {merchantId}.");
            AccessToken exchange;
            try
            {
                try
                {
                    exchange = await endpoints.ExchangeAsync(partnerId, partnerToken, merchantId, cancellationToken).ConfigureAwait(false);
                }
                catch (DinteroApiException answer) when (answer.StatusCode == 401)
                {
                    // The partner's token is no longer accepted (revoked, or expired early): renew it once, then exchange again.
                    Invalidate(partnerId, partnerToken);
                    partnerToken = await GetTokenAsync(partnerId, cancellationToken).ConfigureAwait(false);
                    exchange = await endpoints.ExchangeAsync(partnerId, partnerToken, merchantId, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (DinteroApiException answer) when (answer.StatusCode == 403 || answer.StatusCode == 404)
            {
                var refused = new DinteroAccessException(DinteroAccessFailure.NotPartnerMerchant, merchantId, partnerId,
                    $"{merchantId} is not a merchant of partner {partnerId}: Dintero refused the token exchange ({answer.StatusCode}: {answer.DinteroMessage}).",
                    answer);
                entry.Refusal = new TokenCache.Refused(refused, clock.UtcNow + RefusalMemory);
                throw refused;
            }
            try
            {
                return await endpoints.MerchantTokenAsync(partnerId, merchantId, exchange, cancellationToken).ConfigureAwait(false);
            }
            catch (DinteroApiException answer) when (answer.StatusCode == 401)
            {
                // The exchange token was refused on its way to the merchant's token (tokens revoked between the two calls):
                // the chain is renewed from the partner's token, once, and the merchant's token asked for again.
                log.Debug($"Dintero refused the exchange token for {merchantId}; renewing the partner's token and exchanging again.");
                endpoints.Discard(exchange);
                Invalidate(partnerId, partnerToken);
                partnerToken = await GetTokenAsync(partnerId, cancellationToken).ConfigureAwait(false);
                exchange = await endpoints.ExchangeAsync(partnerId, partnerToken, merchantId, cancellationToken).ConfigureAwait(false);
                return await endpoints.MerchantTokenAsync(partnerId, merchantId, exchange, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // An exchange token buys one merchant token and is never used again.
                endpoints.Discard(exchange);
            }
        }
    }
}
