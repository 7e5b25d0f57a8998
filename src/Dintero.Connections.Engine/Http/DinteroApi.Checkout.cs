using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Auth;
using Dintero.Connections.Checkout;
using Dintero.Connections.Errors;
using Dintero.Connections.Models;
using Dintero.Connections.Paging;

namespace Dintero.Connections.Http
{
    /// <summary>
    /// The checkout API's payment profiles (<c>{checkout}/admin/session/profiles</c>), on a root of their own
    /// (<see cref="CheckoutBaseUri"/>), with everything the management calls have: the account's token (a merchant's through
    /// the partner's exchange), the retries, the redacted log, Dintero's errors. The account is the token's; a 403 means
    /// the token lacks a checkout scope, and says so (<see cref="ScopedApi.Checkout"/>).
    /// </summary>
    public sealed partial class DinteroApi
    {
        private const string ProfilesPath = "admin/session/profiles";

        /// <summary>One page of the account's payment profiles.</summary>
        public async Task<Page<PaymentProfile>> ListPaymentProfilesAsync(string accountId, int limit = CursorPaging.MaxLimit, string? startingAfter = null, CancellationToken cancellationToken = default)
        {
            var profiles = await CheckoutAsync<List<PaymentProfile>>(HttpMethod.Get, accountId, ProfilesPath + PageQuery(limit, startingAfter), null, cancellationToken).ConfigureAwait(false);
            return CursorPaging.Of<PaymentProfile>(profiles, limit, profile => profile.id);
        }

        /// <summary>One payment profile by its profile_id (<c>default</c> is every account's); a 404 means there is none.</summary>
        public Task<PaymentProfile> GetPaymentProfileAsync(string accountId, string profileId, CancellationToken cancellationToken = default) =>
            CheckoutAsync<PaymentProfile>(HttpMethod.Get, accountId, $"{ProfilesPath}/{Segment(profileId)}", null, cancellationToken);

        /// <summary>
        /// Replaces a profile with <paramref name="profile"/> (Dintero's PUT takes the whole profile): read it first and
        /// change what is to change (<see cref="PaymentTypes.Switch"/>). The same body each time: safe to repeat.
        /// </summary>
        public Task<PaymentProfile> UpdatePaymentProfileAsync(string accountId, PaymentProfile profile, CancellationToken cancellationToken = default)
        {
            if (profile?.profile_id == null) throw new ArgumentException("The profile's profile_id is required.", nameof(profile));
            if (profile.configuration == null) throw new ArgumentException("The profile's configuration is required: the PUT replaces the whole profile.", nameof(profile));
            var body = new Dictionary<string, object?> { ["profile_id"] = profile.profile_id, ["configuration"] = profile.configuration };
            if (profile.description != null) body["description"] = profile.description;
            if (profile.url != null) body["url"] = profile.url;
            if (profile.merchant != null) body["merchant"] = profile.merchant;
            return CheckoutAsync<PaymentProfile>(HttpMethod.Put, accountId, $"{ProfilesPath}/{Segment(profile.profile_id)}", body, cancellationToken, RepeatPolicy.Safe);
        }

        private async Task<T> CheckoutAsync<T>(HttpMethod method, string accountId, string path, object? body, CancellationToken cancellationToken, RepeatPolicy repeat = RepeatPolicy.Safe)
            where T : class
        {
            CheckAccount(accountId);
            var root = CheckoutBaseUri ?? throw new DinteroValidationException("The checkout API", new[] { CheckoutAccess.NoRoot(BaseUri) });
            try
            {
                return await SendToAsync<T>(method, new Uri(root, path), accountId, body, repeat, Array.Empty<string>(), cancellationToken).ConfigureAwait(false);
            }
            catch (DinteroApiException refused) when (ScopedApi.IsMissingScope(refused, accountId, AccountId))
            {
                throw ScopedApi.Checkout.MissingScope(accountId, AccountId, method, refused);
            }
        }
    }
}
