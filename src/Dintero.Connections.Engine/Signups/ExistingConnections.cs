using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Errors;
using Dintero.Connections.Http;
using Dintero.Connections.Kinds;
using Dintero.Connections.Logging;
using Dintero.Connections.Partners;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Signups
{
    /// <summary>
    /// Which accounts of a run already have a connection of a kind, so that a second run of the same sheet posts no second
    /// signup. Connected as a partner, it asks once per kind for the partner's merchants that have one pending or enabled
    /// (Dintero's connections and connection_status filters, about a request per hundred such merchants, one for a first
    /// run); for any other account, it reads the account's settings, once per account. Read once per run: a connection
    /// created by this run is known to the run itself (<see cref="Rows.RowRunner{TAsk, TMade}"/> claims it).
    /// </summary>
    internal sealed class ExistingConnections
    {
        private readonly DinteroApi api;
        private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyDictionary<string, string>>>> merchantLists = new ConcurrentDictionary<string, Lazy<Task<IReadOnlyDictionary<string, string>>>>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, Lazy<Task<IDictionary<string, string?>>>> settings = new ConcurrentDictionary<string, Lazy<Task<IDictionary<string, string?>>>>(StringComparer.Ordinal);
        private int listRefused;
        private int requests;

        /// <param name="api">The context's API.</param>
        public ExistingConnections(DinteroApi api) => this.api = api;

        /// <summary>The statuses that make a second signup wrong (<see cref="KnownValues.BlockingStatuses"/>).</summary>
        private static IReadOnlyList<string> Blocking => KnownValues.BlockingStatuses;

        /// <summary>How many requests the checks sent: for the benches' cost per merchant.</summary>
        public int Requests => requests;

        /// <summary>The status of the account's connection of the kind when it blocks a new signup (pending, enabled); else null.</summary>
        public async Task<string?> BlockingStatusAsync(ConnectionKind kind, string accountId, CancellationToken cancellationToken)
        {
            var partner = api.AccountId;
            if (partner != null && AccountIdFormat.IsPartner(partner) && accountId != partner && Volatile.Read(ref listRefused) == 0)
            {
                try
                {
                    var list = await merchantLists.GetOrAdd(kind.Name, _ => new Lazy<Task<IReadOnlyDictionary<string, string>>>(() => ListAsync(partner, kind, cancellationToken))).Value.ConfigureAwait(false);
                    return list.TryGetValue(accountId, out var listed) ? listed : null;
                }
                catch (DinteroApiException refused) when (refused.StatusCode == 403 || refused.StatusCode == 404)
                {
                    // A partner client without the scope to list: each account is read instead.
                    Interlocked.Exchange(ref listRefused, 1);
                }
            }
            var statuses = await settings.GetOrAdd(accountId, id => new Lazy<Task<IDictionary<string, string?>>>(() => StatusesAsync(id, cancellationToken))).Value.ConfigureAwait(false);
            return statuses.TryGetValue(kind.Name, out var status) && status != null && Blocking.Contains(status) ? status : null;
        }

        private async Task<IReadOnlyDictionary<string, string>> ListAsync(string partner, ConnectionKind kind, CancellationToken cancellationToken)
        {
            var query = new AccountQuery { Connections = new[] { kind }, ConnectionStatus = Blocking, Limit = Paging.CursorPaging.MaxLimit };
            var found = new Dictionary<string, string>(StringComparer.Ordinal);
            await Paging.CursorPaging.EachPageAsync(cursor =>
            {
                Interlocked.Increment(ref requests);
                return api.ListAccountsAsync(partner, query, cursor, cancellationToken);
            }, page =>
            {
                // Checked here too: the filter matches an account with a connection of the kind and one in the statuses.
                foreach (var account in page.Items)
                {
                    if (account.account_id != null && account.connection_status != null && account.connection_status.TryGetValue(kind.Name, out var status) && status != null && Blocking.Contains(status))
                    {
                        found[account.account_id] = status;
                    }
                }
                return true;
            }).ConfigureAwait(false);
            return found;
        }

        private async Task<IDictionary<string, string?>> StatusesAsync(string accountId, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref requests);
            var read = await api.GetAccountSettingsAsync(accountId, cancellationToken).ConfigureAwait(false);
            return read.connection_status ?? new Dictionary<string, string?>();
        }
    }
}
