using System.Collections.Generic;

namespace Dintero.Connections.Models
{
    /// <summary>One merchant's readiness, and the steps that could not be read (said as warnings, never as Live or NotLive).</summary>
    public sealed class ReadinessOutcome
    {
        internal ReadinessOutcome(MerchantReadiness row, IReadOnlyList<string> unreadable)
        {
            Row = row;
            Unreadable = unreadable;
        }

        public MerchantReadiness Row { get; }

        /// <summary>Why a step could not be judged, e.g. a checkout 403: "payment profile: Dintero.Access.MissingScope ...".</summary>
        public IReadOnlyList<string> Unreadable { get; }
    }
}
