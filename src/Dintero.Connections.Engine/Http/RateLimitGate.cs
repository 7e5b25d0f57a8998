using System;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Time;

namespace Dintero.Connections.Http
{
    /// <summary>
    /// One client's pause after a 429: when Dintero asks one request to wait (<c>Retry-After</c>), every request of
    /// the client waits until then before it is sent, so a batch with several requests in flight slows down as a
    /// whole instead of turning into a storm of 429s.
    /// </summary>
    internal sealed class RateLimitGate
    {
        private readonly IClock clock;
        private long pausedUntilTicks;

        public RateLimitGate(IClock clock) => this.clock = clock;

        /// <summary>Holds every request back until <paramref name="until"/> (a later pause already set is kept).</summary>
        public void PauseUntil(DateTimeOffset until)
        {
            var ticks = until.UtcTicks;
            for (var current = Interlocked.Read(ref pausedUntilTicks); ticks > current; current = Interlocked.Read(ref pausedUntilTicks))
            {
                if (Interlocked.CompareExchange(ref pausedUntilTicks, ticks, current) == current) return;
            }
        }

        /// <summary>
        /// Holds every request back until <paramref name="until"/>, a wait longer than the client makes by itself; true for
        /// the one caller that set such a wait first (the one to say so), false when one was set already (a 429 of a request
        /// that was in flight at the same time).
        /// </summary>
        public bool RefuseUntil(DateTimeOffset until, TimeSpan longestWait)
        {
            var refusedFrom = clock.UtcNow + longestWait;
            for (var current = Interlocked.Read(ref pausedUntilTicks); ; current = Interlocked.Read(ref pausedUntilTicks))
            {
                if (current > refusedFrom.UtcTicks) return false;
                if (Interlocked.CompareExchange(ref pausedUntilTicks, Math.Max(current, until.UtcTicks), current) == current) return true;
            }
        }

        /// <summary>How long a request sent now would have to wait.</summary>
        public TimeSpan Remaining
        {
            get
            {
                // No 429 yet: nothing to wait for, and no clock to read on every request.
                var until = Interlocked.Read(ref pausedUntilTicks);
                if (until == 0) return TimeSpan.Zero;
                var remaining = new DateTimeOffset(until, TimeSpan.Zero) - clock.UtcNow;
                return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
            }
        }

        /// <summary>Waits out the pause, if any, once: the time left when the request arrived.</summary>
        public Task WaitAsync(CancellationToken cancellationToken)
        {
            var remaining = Remaining;
            return remaining > TimeSpan.Zero ? clock.Delay(remaining, cancellationToken) : Task.CompletedTask;
        }
    }
}
