using System;
using System.Collections.Generic;
using System.Linq;

namespace Dintero.Connections.Models
{
    /// <summary>
    /// The Vipps connection as Dintero answers it. Vipps takes no signup body: starting (or restarting) the signup
    /// gives a link where the merchant finishes it at Vipps, valid for 30 days.
    /// </summary>
    public sealed class VippsConnection : Connection
    {
        [LocalField]
        public override string connection_type => "Vipps";

        public VippsSignup? signup { get; set; }

        /// <summary>Holds Vipps API secrets (client id, subscription keys), held as <see cref="DinteroSecret"/>.</summary>
        public VippsConfiguration? configuration { get; set; }
    }

    /// <summary>Where the merchant finishes the Vipps signup.</summary>
    public sealed class VippsSignup : DinteroModel
    {
        public DateTimeOffset? created_at { get; set; }
        public string? id { get; set; }
        public string? url { get; set; }
        public DateTimeOffset? callback_at { get; set; }
        public DateTimeOffset? expires_at { get; set; }

        /// <summary>For views: the link, and until when it works.</summary>
        public override string ToString() =>
            expires_at == null ? url ?? string.Empty : $"{url} (expires {expires_at.Value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC)";
    }

    /// <summary>The merchant's Vipps configuration once the signup is done.</summary>
    public sealed class VippsConfiguration : DinteroModel
    {
        public List<PaymentOption>? payment_options { get; set; }
        public string? merchant_name { get; set; }
        public string? created_time { get; set; }
        public string? merchant_serial_number { get; set; }
        public DinteroSecret? client_id { get; set; }
        public List<VippsSubscriptionKey>? subscription_keys { get; set; }

        /// <summary>A summary; the client id and the subscription keys print as ***.</summary>
        public override string ToString()
        {
            var options = payment_options == null ? string.Empty : string.Join(", ", payment_options.Where(option => option != null).Select(option => option.type));
            var keys = subscription_keys == null ? 0 : subscription_keys.Count;
            return $"merchant_name: {merchant_name}; merchant_serial_number: {merchant_serial_number}; payment_options: {options}; client_id: {client_id}; subscription_keys: {keys} (***)";
        }
    }

    /// <summary>A Vipps API subscription key: a secret.</summary>
    public sealed class VippsSubscriptionKey : DinteroModel
    {
        public string? product { get; set; }
        public DinteroSecret? ocp_apim_subscription_key { get; set; }

        public override string ToString() => $"{product}: ***";
    }
}
