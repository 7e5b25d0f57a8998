using System;
using System.Collections.Generic;

namespace Dintero.Connections.Models
{
    /// <summary>
    /// A checkout payment profile (<c>https://checkout.dintero.com/v1/admin/session/profiles/{profile_id}</c>): the payment
    /// types a shop's checkout shows. Every account has one called <c>default</c>. Its <see cref="configuration"/> is kept as
    /// Dintero gives it (plain dictionaries and lists), so that switching a type changes that switch and nothing else.
    /// </summary>
    public sealed class PaymentProfile : DinteroModel
    {
        public string? id { get; set; }
        public string? profile_id { get; set; }
        public string? description { get; set; }
        public DateTimeOffset? created_at { get; set; }
        public string? created_by { get; set; }
        public DateTimeOffset? updated_at { get; set; }
        public DateTimeOffset? deleted_at { get; set; }
        public string? deleted_by { get; set; }
        public Dictionary<string, object?>? url { get; set; }
        public Dictionary<string, object?>? merchant { get; set; }

        /// <summary>The payment configuration: per provider (<c>bambora</c>, <c>dintero</c>, ...) its products' <c>enabled</c> switches, and <c>vipps.enabled</c>.</summary>
        public Dictionary<string, object?>? configuration { get; set; }

        /// <summary>The account the profile belongs to (the token's).</summary>
        [LocalField]
        public string? account_id { get; set; }

        /// <summary>The payment types switched on, e.g. <c>vipps</c>, <c>bambora.creditcard</c>; filled in by the client.</summary>
        [LocalField]
        public List<string>? enabled_types { get; set; }
    }
}
