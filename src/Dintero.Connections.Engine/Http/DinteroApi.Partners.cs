using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Kinds;
using Dintero.Connections.Models;
using Dintero.Connections.Paging;
using Dintero.Connections.Partners;

namespace Dintero.Connections.Http
{
    /// <summary>
    /// What a partner does on its own account: list its merchants (<c>.../management/accounts</c>) and invite new
    /// ones (<c>.../signup/prefill</c>). The calls use the partner's own token; its merchants' calls go through the
    /// token exchange (see Auth/TokenProvider).
    /// </summary>
    public sealed partial class DinteroApi
    {
        /// <summary>One page of the partner's merchants.</summary>
        public async Task<Page<DinteroAccount>> ListAccountsAsync(string partnerId, AccountQuery query, string? startingAfter = null, CancellationToken cancellationToken = default)
        {
            if (query == null) throw new ArgumentNullException(nameof(query));
            var accounts = await SendAsync<List<DinteroAccount>>(HttpMethod.Get, partnerId, "management/accounts" + query.ToQueryString(startingAfter), null, RepeatPolicy.Safe, Array.Empty<string>(), cancellationToken).ConfigureAwait(false);
            // starting_after is "an object ID": the account object's id, or its account id where it has none (UNCERTAIN, see docs/openapi).
            return CursorPaging.Of<DinteroAccount>(accounts, query.Limit, account => account.id ?? account.account_id);
        }

        /// <summary>One of the partner's merchants; a 404 or 403 means the partner has no such merchant.</summary>
        public Task<DinteroAccount> GetAccountAsync(string partnerId, string accountId, CancellationToken cancellationToken = default)
        {
            CheckAccount(accountId);
            return SendAsync<DinteroAccount>(HttpMethod.Get, partnerId, $"management/accounts/{accountId}", null, RepeatPolicy.Safe, Array.Empty<string>(), cancellationToken);
        }

        /// <summary>Sends a checked invitation: Dintero e-mails the applicant a link to accept the terms and create the account.</summary>
        public Task<MerchantInvite> CreateMerchantInviteAsync(string partnerId, CheckedInvite invite, CancellationToken cancellationToken = default)
        {
            if (invite == null) throw new ArgumentNullException(nameof(invite));
            // Sent once: a second POST would e-mail the merchant again.
            return SendAsync<MerchantInvite>(HttpMethod.Post, partnerId, "signup/prefill", invite.Invite, RepeatPolicy.NotIdempotent, MerchantInvites.SensitiveValues, cancellationToken);
        }
    }
}
