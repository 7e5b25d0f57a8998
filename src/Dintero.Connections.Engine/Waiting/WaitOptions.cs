using System;

namespace Dintero.Connections.Waiting
{
    /// <summary>How <see cref="StatusWaiter"/> waits: for which status, how long, how often it reads.</summary>
    public sealed class WaitOptions
    {
        /// <summary>The status waited for: for a connection one of <see cref="Validation.KnownValues.FinalConnectionStatuses"/> (<c>enabled</c> by default), for an approval ACTIVE.</summary>
        public string Status { get; set; } = Validation.KnownValues.Enabled;

        /// <summary>How long one wait may take, from its start.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);

        /// <summary>The first pause between two reads; each later pause is <see cref="Backoff"/> times longer.</summary>
        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>The longest pause between two reads.</summary>
        public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromMinutes(1);

        public double Backoff { get; set; } = 1.5;

        /// <summary>The pause after <paramref name="previous"/>: longer each time, up to <see cref="MaxPollInterval"/>.</summary>
        public TimeSpan NextInterval(TimeSpan previous)
        {
            var next = TimeSpan.FromTicks((long)(previous.Ticks * Backoff));
            return next > MaxPollInterval ? MaxPollInterval : next < PollInterval ? PollInterval : next;
        }
    }
}
