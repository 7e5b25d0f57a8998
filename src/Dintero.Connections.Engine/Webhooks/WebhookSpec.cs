using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Http;
using Dintero.Connections.Models;
using Dintero.Connections.Paging;
using Dintero.Connections.Rows;
using Dintero.Connections.Signups;

namespace Dintero.Connections.Webhooks
{
    /// <summary>
    /// A webhook subscription as a <see cref="RowSpec{TAsk, TMade}"/>: a live subscription of the account that delivers to
    /// the same URL and has every event asked for already is the one wanted, and the row is skipped. A create is never
    /// repeated (Dintero would make a second hook): a lost answer is settled by reading the account's subscriptions back.
    /// </summary>
    public sealed class WebhookSpec : RowSpec<WebhookSubscription, WebhookSubscription>
    {
        public WebhookSpec(DinteroApi api)
            : base(api)
        {
        }

        public override string Named(WebhookSubscription ask) => $"the subscription to {ask.config?.url}";

        public override string This => "this subscription";

        public override string ReadsBack(WebhookSubscription ask) => "the account's subscriptions";

        public override string Unsettled(string accountId, WebhookSubscription ask) =>
            $"Look for it with Get-DinteroWebhook -AccountId {accountId} and remove one made twice (Remove-DinteroWebhook) before running again.";

        // One URL with one set of events is one subscription; the same URL with other events is another row's to make.
        public override string ClaimKey(string accountId, WebhookSubscription ask) =>
            $"{accountId}/{Normal(ask.config?.url)}/{string.Join(",", (ask.events ?? new List<string>()).OrderBy(name => name, StringComparer.Ordinal))}";

        public override async Task<Found<WebhookSubscription>?> FindAsync(string accountId, WebhookSubscription ask, CancellationToken cancellationToken)
        {
            var existing = await CursorPaging.FirstAsync(
                cursor => Api.ListWebhooksAsync(accountId, CursorPaging.MaxLimit, cursor, cancellationToken),
                hook => Delivers(hook, ask)).ConfigureAwait(false);
            return existing == null ? null : new Found<WebhookSubscription>(existing, blocks: true);
        }

        public override string SkipReason(string accountId, WebhookSubscription ask, WebhookSubscription existing) =>
            $"subscription {existing.id} delivers to {existing.config?.url} with every event asked for already (-Force makes another)";

        public override Task<WebhookSubscription> SendAsync(string accountId, WebhookSubscription ask, bool force, CancellationToken cancellationToken) =>
            Api.CreateWebhookAsync(accountId, ask, cancellationToken);

        // Unforced, none was there before the send (the run looked): one there now is this one. Forced, one made since it was
        // sent on Dintero's clock is; two are more than can be told apart.
        public override async Task<(WebhookSubscription? Found, ReadBackJudgement Judgement)> ReadBackAsync(string accountId, WebhookSubscription ask, bool force, DateTimeOffset? sentOnServerClock, CancellationToken cancellationToken)
        {
            var since = sentOnServerClock - ReadBack.Slack;
            var found = (await CursorPaging.AllAsync(cursor => Api.ListWebhooksAsync(accountId, CursorPaging.MaxLimit, cursor, cancellationToken)).ConfigureAwait(false))
                .Where(hook => Delivers(hook, ask) && (!force || since != null && hook.created_at >= since))
                .ToList();
            if (found.Count == 0) return (null, ReadBackJudgement.NotStored($"no subscription to {ask.config?.url} with its events"));
            if (found.Count > 1) return (null, ReadBackJudgement.CannotTell($"{found.Count} subscriptions to {ask.config?.url} with its events"));
            return (found[0], ReadBackJudgement.Proved($"subscription {found[0].id}"));
        }

        public override string ReportTypeName => "Dintero.Connections.WebhookReport";

        public override IReadOnlyList<string> Columns { get; } = new[] { "url", "events", "id" };

        public override IEnumerable<object?> Cells(WebhookSubscription? ask, WebhookSubscription? made, Exception? failure) =>
            new object?[] { ask?.config?.url ?? made?.config?.url, string.Join(";", ask?.events ?? made?.events ?? new List<string>()), made?.id };

        // The signing secret is a SecureString parameter; a sheet's column of that name is never written back.
        public override IReadOnlyCollection<string> NeverCopied { get; } = new[] { "secret", "Secret" };

        private static bool Delivers(WebhookSubscription hook, WebhookSubscription wanted) =>
            hook.deleted_at == null && hook.config?.url != null && Normal(hook.config.url) == Normal(wanted.config?.url)
            && (wanted.events ?? new List<string>()).All(wantedEvent => hook.events?.Contains(wantedEvent) == true);

        private static string Normal(string? url) => (url ?? string.Empty).TrimEnd('/').ToLowerInvariant();
    }
}
