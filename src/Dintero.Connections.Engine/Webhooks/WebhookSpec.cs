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
using Dintero.Connections.Validation;

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

        // One URL of an account is one subscription in one input: a later row for the URL is a repeat (its events within the
        // first row's) or refused (NoRepeat). Keyed by the URL and its events, two rows that overlap would both be sent at
        // once under -ThrottleLimit, neither seeing the other, and an event they share delivered twice; one at a time, the
        // second would be skipped or not by the order the rows finished in. By the URL, the answer is the same whatever the
        // throttle, and decided before anything is sent.
        public override string ClaimKey(string accountId, WebhookSubscription ask) => $"{accountId}/{Normal(ask.config?.url)}";

        public override ValidationProblem? NoRepeat(WebhookSubscription claimed, WebhookSubscription ask, string claimant)
        {
            var more = EventsOf(ask).Where(wanted => !EventsOf(claimed).Contains(wanted)).ToList();
            return more.Count == 0 ? null : new ValidationProblem("Event",
                $"{claimant} subscribes {claimed.config?.url} to {string.Join(", ", EventsOf(claimed))}, and this row asks for {string.Join(", ", more)} too: "
                + "give the URL's events in one row, as one subscription delivers them all (two would deliver an event they share twice).");
        }

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

        // Only a subscription made since this send (on Dintero's clock) to this URL with exactly this row's events proves it:
        // one with more events is another row's or another tool's, and one made before was there before. Without Dintero's
        // time, an unforced run may take the one with exactly its events (none that delivers them was there: the run looked);
        // a forced one cannot tell it from those before.
        public override async Task<(WebhookSubscription? Found, ReadBackJudgement Judgement)> ReadBackAsync(string accountId, WebhookSubscription ask, bool force, DateTimeOffset? sentOnServerClock, CancellationToken cancellationToken)
        {
            var since = sentOnServerClock - ReadBack.Slack;
            var same = (await CursorPaging.AllAsync(cursor => Api.ListWebhooksAsync(accountId, CursorPaging.MaxLimit, cursor, cancellationToken)).ConfigureAwait(false))
                .Where(hook => Delivers(hook, ask) && EventsOf(hook).SetEquals(EventsOf(ask)))
                .ToList();
            var found = same.Where(hook => since == null ? !force : hook.created_at >= since).ToList();
            if (found.Count == 0 && force && since == null && same.Count > 0)
            {
                return (null, ReadBackJudgement.CannotTell($"{same.Count} subscriptions to {ask.config?.url} with its events, and no time of Dintero's to tell a new one by"));
            }
            if (found.Count == 0) return (null, ReadBackJudgement.NotStored($"no subscription to {ask.config?.url} with exactly its events made since it was sent"));
            if (found.Count > 1) return (null, ReadBackJudgement.CannotTell($"{found.Count} subscriptions to {ask.config?.url} with its events"));
            return (found[0], ReadBackJudgement.Proved($"subscription {found[0].id}"));
        }

        public override string ReportTypeName => "Dintero.Connections.WebhookReport";

        public override IReadOnlyList<string> Columns { get; } = new[] { "url", "events", "id" };

        public override IEnumerable<object?> Cells(WebhookSubscription? ask, WebhookSubscription? made, Exception? failure) =>
            new object?[] { ask?.config?.url ?? made?.config?.url, (ask?.events ?? made?.events) is { } events ? string.Join(";", events) : null, made?.id };

        // The signing secret is a SecureString parameter; a sheet's column of that name is never written back.
        public override IReadOnlyCollection<string> NeverCopied { get; } = new[] { "secret", "Secret" };

        private static bool Delivers(WebhookSubscription hook, WebhookSubscription wanted) =>
            hook.deleted_at == null && hook.config?.url != null && Normal(hook.config.url) == Normal(wanted.config?.url)
            && (wanted.events ?? new List<string>()).All(wantedEvent => hook.events?.Contains(wantedEvent) == true);

        private static HashSet<string> EventsOf(WebhookSubscription hook) => new HashSet<string>(hook.events ?? new List<string>(), StringComparer.Ordinal);

        private static string Normal(string? url) => (url ?? string.Empty).TrimEnd('/').ToLowerInvariant();
    }
}
