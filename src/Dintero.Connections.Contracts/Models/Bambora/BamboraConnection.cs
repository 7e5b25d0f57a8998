using System.Collections.Generic;

namespace Dintero.Connections.Models
{
    /// <summary>The Bambora connection as Dintero answers it.</summary>
    public sealed class BamboraConnection : Connection
    {
        /// <summary>Holds secrets (<c>md5_key</c>, <c>access_token</c>, <c>secret_token</c>): views mask them.</summary>
        public BamboraConfiguration? configuration { get; set; }
        public List<BamboraDirectSignup>? direct_signups { get; set; }

        /// <summary>Deprecated by Dintero; present for signups made with this endpoint.</summary>
        public BamboraConnectionSignup? signup { get; set; }
        public List<BamboraSubmerchantSignup>? submerchant_signups { get; set; }

        [LocalField]
        public override string connection_type => "Bambora";
    }
}
