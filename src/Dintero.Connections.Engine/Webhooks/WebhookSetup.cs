using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Http;
using Dintero.Connections.Models;
using Dintero.Connections.Paging;
using Dintero.Connections.Signups;

namespace Dintero.Connections.Webhooks
{
    /// <summary>
    /// Subscribes an account to events so that running it again is safe: a subscription that delivers to the same URL
    /// and has every event asked for already is the one wanted, and nothing is sent (unless forced). A create is never
    /// repeated (Dintero would make a second hook); a lost answer is an error whose re-run finds the hook if it was stored.
    /// </summary>
    public sealed class WebhookSetup
    {
        private readonly DinteroClient client;

        public WebhookSetup(DinteroClient client) => this.client = client ?? throw new ArgumentNullException(nameof(client));

        /// <summary>What a run would do with the subscription (the same read as <see cref="SubscribeAsync"/>), sending nothing.</summary>
        public async Task<WebhookOutcome> PlanAsync(string accountId, WebhookSubscription wanted, bool force, CancellationToken cancellationToken)
        {
            var existing = force ? null : await FindAsync(accountId, wanted, cancellationToken).ConfigureAwait(false);
            return existing != null
                ? new WebhookOutcome(RowOutcome.WouldSkip, accountId, existing, Found(existing))
                : new WebhookOutcome(RowOutcome.WouldCreate, accountId, wanted, null);
        }

        /// <summary>Makes the subscription unless one like it exists (<paramref name="force"/> makes it whatever exists).</summary>
        public async Task<WebhookOutcome> SubscribeAsync(string accountId, WebhookSubscription wanted, bool force, CancellationToken cancellationToken)
        {
            var existing = force ? null : await FindAsync(accountId, wanted, cancellationToken).ConfigureAwait(false);
            if (existing != null) return new WebhookOutcome(RowOutcome.Skipped, accountId, existing, Found(existing));
            var made = await client.CreateWebhookAsync(accountId, wanted, cancellationToken).ConfigureAwait(false);
            return new WebhookOutcome(RowOutcome.Created, accountId, made, null);
        }

        /// <summary>A live subscription of the account that delivers to the wanted URL and has all its events.</summary>
        public async Task<WebhookSubscription?> FindAsync(string accountId, WebhookSubscription wanted, CancellationToken cancellationToken)
        {
            var url = wanted.config?.url;
            var events = wanted.events ?? new List<string>();
            return await CursorPaging.FirstAsync(
                cursor => client.ListWebhooksAsync(accountId, CursorPaging.MaxLimit, cursor, cancellationToken),
                hook => hook.deleted_at == null && SameUrl(hook.config?.url, url) && events.All(wantedEvent => hook.events?.Contains(wantedEvent) == true)).ConfigureAwait(false);
        }

        private static bool SameUrl(string? stored, string? wanted) =>
            stored != null && wanted != null && string.Equals(stored.TrimEnd('/'), wanted.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

        private static string Found(WebhookSubscription existing) =>
            $"subscription {existing.id} delivers to {existing.config?.url} with every event asked for already (-Force makes another)";
    }
}
