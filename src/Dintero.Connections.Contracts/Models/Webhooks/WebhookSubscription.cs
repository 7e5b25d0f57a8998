using System;
using System.Collections.Generic;

namespace Dintero.Connections.Models
{
    /// <summary>A webhook subscription (<c>/accounts/{aid}/hooks/subscriptions/{hid}</c>): the events Dintero posts to a URL.</summary>
    public sealed class WebhookSubscription : DinteroModel
    {
        public string? id { get; set; }
        public WebhookConfig? config { get; set; }
        public List<string>? events { get; set; }
        public DateTimeOffset? created_at { get; set; }
        public string? created_by { get; set; }
        public DateTimeOffset? updated_at { get; set; }
        public DateTimeOffset? deleted_at { get; set; }
        public string? deleted_by { get; set; }

        /// <summary>Whether the hook is triggered.</summary>
        public bool? active { get; set; }

        /// <summary>Which fields a delivery holds, e.g. <c>account(partner_id,account_id)</c>.</summary>
        public string? fields { get; set; }

        public List<string>? exclude_fields { get; set; }

        /// <summary>The account the subscription belongs to (in the request's URL).</summary>
        [LocalField]
        public string? account_id { get; set; }

        /// <summary><c>config.url</c>, for the views.</summary>
        [LocalField]
        public string? url => config?.url;
    }

    /// <summary>Where and how a subscription's deliveries go.</summary>
    public sealed class WebhookConfig : DinteroModel
    {
        public string? url { get; set; }
        public string? content_type { get; set; }

        /// <summary>How deliveries are signed; Dintero answers with its type only.</summary>
        public WebhookSecret? secret { get; set; }

        /// <summary>1 to deliver to a URL whose TLS certificate does not verify; 0 (the default) not to.</summary>
        public int? insecure_ssl { get; set; }
    }

    /// <summary>A subscription's signing secret: <c>HMAC-SHA1</c>, and on create the secret itself (never shown: it prints as ***).</summary>
    public sealed class WebhookSecret : DinteroModel
    {
        public string? type { get; set; }
        public DinteroSecret? value { get; set; }
    }
}
