using System;
using System.Collections.Generic;

namespace Dintero.Connections.Models
{
    /// <summary>
    /// One delivery of a webhook (<c>.../hooks/subscriptions/{hid}/deliveries/{delivery_id}</c>): the answer's HTTP status,
    /// when it was sent, how long the receiver took and whether it counted as received; with the request and the answer.
    /// </summary>
    public sealed class WebhookDelivery : DinteroModel
    {
        public string? id { get; set; }
        public string? event_delivery { get; set; }
        public DateTimeOffset? created_at { get; set; }

        /// <summary>The receiver's HTTP status (0 when there was no answer).</summary>
        public int? status { get; set; }

        public string? url { get; set; }
        public Dictionary<string, object?>? request { get; set; }
        public Dictionary<string, object?>? response { get; set; }
        public WebhookDeliveryDetails? details { get; set; }

        /// <summary>The subscription it belongs to (in the request's URL).</summary>
        [LocalField]
        public string? hook_id { get; set; }

        /// <summary>The account (in the request's URL).</summary>
        [LocalField]
        public string? account_id { get; set; }

        /// <summary>The event delivered (the request's <c>event</c> header), e.g. <c>ping</c>.</summary>
        [LocalField]
        public string? @event { get; set; }

        [LocalField]
        public bool? success => details?.delivery_success;

        /// <summary>How long the receiver took, in milliseconds.</summary>
        [LocalField]
        public double? duration_ms => details?.delivery_duration;
    }

    public sealed class WebhookDeliveryDetails : DinteroModel
    {
        public DateTimeOffset? delivery_at { get; set; }

        /// <summary>Milliseconds.</summary>
        public double? delivery_duration { get; set; }

        public bool? delivery_success { get; set; }
    }
}
