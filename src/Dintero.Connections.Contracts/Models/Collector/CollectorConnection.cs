using System.Collections.Generic;

namespace Dintero.Connections.Models
{
    /// <summary>The Collector connection as Dintero answers it.</summary>
    public sealed class CollectorConnection : Connection
    {
        [LocalField]
        public override string connection_type => "Collector";

        public CollectorConnectionSignup? signup { get; set; }
        public CollectorConfiguration? configuration { get; set; }
    }

    /// <summary>Collector's store for the merchant.</summary>
    public sealed class CollectorConfiguration : DinteroModel
    {
        public string? username { get; set; }
        public string? store_id { get; set; }
        public string? country { get; set; }
        public List<PaymentOption>? payment_options { get; set; }
    }
}
