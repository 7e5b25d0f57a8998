using System;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Errors;
using Dintero.Connections.Http;
using Dintero.Connections.Time;

namespace Dintero.Connections.Waiting
{
    /// <summary>
    /// Follows something Dintero decides to the end (a connection's signup, a payment approval, a seller approval): reads it
    /// until it reaches the status waited for, or another final one, or the time runs out. The pause between reads grows;
    /// a 429 holds the client's reads as it holds every request (<see cref="RateLimitGate"/>), and at most a few reads of
    /// a batch run at once. What is read and which statuses are final is the <see cref="Followed{T}"/>'s.
    /// </summary>
    public sealed class StatusWaiter
    {
        private readonly WaitOptions options;
        private readonly SemaphoreSlim reads;
        private readonly IClock clock;

        public StatusWaiter(WaitOptions options, int concurrentReads)
            : this(options, concurrentReads, SystemClock.Instance)
        {
        }

        internal StatusWaiter(WaitOptions options, int concurrentReads, IClock clock)
        {
            this.options = options ?? throw new ArgumentNullException(nameof(options));
            if (concurrentReads < 1) throw new ArgumentOutOfRangeException(nameof(concurrentReads));
            reads = new SemaphoreSlim(concurrentReads, concurrentReads);
            this.clock = clock;
        }

        public WaitTally Tally { get; } = new WaitTally();

        /// <summary>Reads until final; returns what was read when it is in the status waited for.</summary>
        /// <exception cref="DinteroWaitException">Another final status, or the time ran out; names the last status.</exception>
        public async Task<T> WaitAsync<T>(Followed<T> followed, CancellationToken cancellationToken)
            where T : class
        {
            var item = followed.Kind + " " + followed.AccountId;
            var deadline = clock.UtcNow + options.Timeout;
            var interval = options.PollInterval;
            while (true)
            {
                T last;
                await reads.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    last = await followed.Read(cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    reads.Release();
                }
                var status = followed.StatusOf(last);
                Tally.Seen(item, status);
                if (string.Equals(status, options.Status, StringComparison.Ordinal)) return last;
                if (followed.IsFinal(status))
                {
                    throw new DinteroWaitException($"{followed.What} ended {status}, not {options.Status}{followed.Detail(last)}.",
                        followed.AccountId, followed.Kind, status, timedOut: false, last, followed.Says?.Ended, followed.IsConnection);
                }
                var left = deadline - clock.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    Tally.Seen(item, WaitTally.TimedOutStatus);
                    throw new DinteroWaitException($"{followed.What} was still {status} after {options.Timeout}, not {options.Status}{followed.Detail(last)}.",
                        followed.AccountId, followed.Kind, status, timedOut: true, last, followed.Says?.TimedOut, followed.IsConnection);
                }
                await clock.Delay(interval < left ? interval : left, cancellationToken).ConfigureAwait(false);
                interval = options.NextInterval(interval);
            }
        }
    }
}
