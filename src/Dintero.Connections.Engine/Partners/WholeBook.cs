using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Http;
using Dintero.Connections.Paging;

namespace Dintero.Connections.Partners
{
    /// <summary>
    /// A partner's whole book as records of their own: every merchant, a page at a time, for a report over all of them
    /// (readiness, approvals) that a partner runs with no -AccountId and nothing piped in. Each merchant is planned as if it
    /// had been piped in (the module's BatchCall.EachOf), while the merchants before it run.
    /// </summary>
    public static class WholeBook
    {
        /// <summary>One page of the partner's merchants from a cursor (null for the first), those without an account id left out.</summary>
        public static Func<string?, CancellationToken, Task<Page<object>>> Merchants(DinteroApi api, string partnerId)
        {
            var query = new AccountQuery();
            return async (cursor, token) =>
            {
                var page = await api.ListAccountsAsync(partnerId, query, cursor, token).ConfigureAwait(false);
                return new Page<object>(page.Items.Where(merchant => !string.IsNullOrEmpty(merchant.account_id)).ToList<object>(), page.NextCursor);
            };
        }
    }
}
