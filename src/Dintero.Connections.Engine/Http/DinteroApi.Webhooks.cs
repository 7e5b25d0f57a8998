using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Auth;
using Dintero.Connections.Errors;
using Dintero.Connections.Models;
using Dintero.Connections.Paging;
using Dintero.Connections.Webhooks;

namespace Dintero.Connections.Http
{
    /// <summary>
    /// An account's webhook subscriptions (<c>.../hooks/subscriptions</c>) and their deliveries, with the account's token. A
    /// subscription's secret travels in the create request only, masked by value in everything logged or thrown for it.
    /// </summary>
    public sealed partial class DinteroApi
    {
        private const string HooksPath = "hooks/subscriptions";

        /// <summary>Subscribes to events (<c>POST</c>), sent once; Dintero delivers a ping at once. Check it first (<see cref="WebhookEvents.Check"/>).</summary>
        public Task<WebhookSubscription> CreateWebhookAsync(string accountId, WebhookSubscription subscription, CancellationToken cancellationToken = default)
        {
            if (subscription?.config?.url == null) throw new ArgumentException("The subscription's config.url is required.", nameof(subscription));
            var secret = subscription.config.secret?.value?.GetPlainText();
            return HooksAsync<WebhookSubscription>(HttpMethod.Post, accountId, HooksPath, subscription, RepeatPolicy.NotIdempotent, secret == null ? Array.Empty<string>() : new[] { secret }, cancellationToken);
        }

        /// <summary>One page of the account's subscriptions.</summary>
        public async Task<Page<WebhookSubscription>> ListWebhooksAsync(string accountId, int limit = CursorPaging.MaxLimit, string? startingAfter = null, CancellationToken cancellationToken = default)
        {
            var hooks = await HooksAsync<List<WebhookSubscription>>(HttpMethod.Get, accountId, HooksPath + PageQuery(limit, startingAfter), null, RepeatPolicy.Safe, Array.Empty<string>(), cancellationToken).ConfigureAwait(false);
            return CursorPaging.Of<WebhookSubscription>(hooks, limit, hook => hook.id);
        }

        /// <summary>One subscription; a 404 means there is none (Dintero deletes one after repeated failed deliveries).</summary>
        public Task<WebhookSubscription> GetWebhookAsync(string accountId, string hookId, CancellationToken cancellationToken = default) =>
            HooksAsync<WebhookSubscription>(HttpMethod.Get, accountId, $"{HooksPath}/{Segment(hookId)}", null, RepeatPolicy.Safe, Array.Empty<string>(), cancellationToken);

        /// <summary>Deletes a subscription. Safe to repeat; a 404 means it is gone already.</summary>
        public Task<WebhookSubscription> DeleteWebhookAsync(string accountId, string hookId, CancellationToken cancellationToken = default) =>
            HooksAsync<WebhookSubscription>(HttpMethod.Delete, accountId, $"{HooksPath}/{Segment(hookId)}", null, RepeatPolicy.Safe, Array.Empty<string>(), cancellationToken);

        /// <summary>Asks Dintero to deliver a ping to the subscription's URL (<c>.../ping</c>, answered 204); the delivery shows in its deliveries.</summary>
        public async Task PingWebhookAsync(string accountId, string hookId, CancellationToken cancellationToken = default)
        {
            CheckAccount(accountId);
            // A second ping is only another ping: safe to repeat.
            await SendCoreAsync(HttpMethod.Post, new Uri(BaseUri, $"accounts/{accountId}/{HooksPath}/{Segment(hookId)}/ping"), accountId, null, RepeatPolicy.Safe, Array.Empty<string>(), (response, bytes) => true, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The subscription's latest deliveries, newest first (one page), each read whole: its status, timing and answer.</summary>
        public async Task<IReadOnlyList<WebhookDelivery>> GetWebhookDeliveriesAsync(string accountId, string hookId, int last, CancellationToken cancellationToken = default)
        {
            var listed = await HooksAsync<List<WebhookDelivery>>(HttpMethod.Get, accountId, $"{HooksPath}/{Segment(hookId)}/deliveries" + PageQuery(last, null), null, RepeatPolicy.Safe, Array.Empty<string>(), cancellationToken).ConfigureAwait(false);
            var read = new List<WebhookDelivery>(listed.Count);
            // One after another: the command's -ThrottleLimit counts rows, and a row's reads stay within its one slot.
            foreach (var delivery in listed.Where(delivery => delivery.id != null))
            {
                read.Add(await GetWebhookDeliveryAsync(accountId, hookId, delivery.id!, cancellationToken).ConfigureAwait(false));
            }
            return read;
        }

        /// <summary>One delivery, whole.</summary>
        public async Task<WebhookDelivery> GetWebhookDeliveryAsync(string accountId, string hookId, string deliveryId, CancellationToken cancellationToken = default)
        {
            var delivery = await HooksAsync<WebhookDelivery>(HttpMethod.Get, accountId, $"{HooksPath}/{Segment(hookId)}/deliveries/{Segment(deliveryId)}", null, RepeatPolicy.Safe, Array.Empty<string>(), cancellationToken).ConfigureAwait(false);
            delivery.hook_id = hookId;
            return delivery;
        }

        // A 403 here is a token without a hooks scope: said as such, by the rule the checkout's follows too.
        private async Task<T> HooksAsync<T>(HttpMethod method, string accountId, string path, object? body, RepeatPolicy repeat, IReadOnlyCollection<string> sensitiveValues, CancellationToken cancellationToken)
            where T : class
        {
            try
            {
                return await SendAsync<T>(method, accountId, path, body, repeat, sensitiveValues, cancellationToken).ConfigureAwait(false);
            }
            catch (DinteroApiException refused) when (ScopedApi.IsMissingScope(refused, accountId, AccountId))
            {
                throw ScopedApi.Webhooks.MissingScope(accountId, AccountId, method, refused);
            }
        }
    }
}
