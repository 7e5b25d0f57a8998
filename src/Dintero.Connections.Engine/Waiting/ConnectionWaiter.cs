using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Kinds;
using Dintero.Connections.Errors;
using Dintero.Connections.Http;
using Dintero.Connections.Logging;
using Dintero.Connections.Models;
using Dintero.Connections.Time;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Waiting
{
    /// <summary>
    /// Follows a signup to the end: reads the connection until it reaches the status waited for, or another final one
    /// (enabled, failed, declined), or the time runs out. The pause between reads grows; a 429 holds the client's reads
    /// as it holds every request (<see cref="RateLimitGate"/>), and at most a few reads of a batch run at once.
    /// </summary>
    public sealed class ConnectionWaiter
    {
        private readonly DinteroApi api;
        private readonly WaitOptions options;
        private readonly SemaphoreSlim reads;
        private readonly IClock clock;

        public ConnectionWaiter(DinteroApi api, WaitOptions options, int concurrentReads)
            : this(api, options, concurrentReads, SystemClock.Instance)
        {
        }

        internal ConnectionWaiter(DinteroApi api, WaitOptions options, int concurrentReads, IClock clock)
        {
            this.api = api ?? throw new ArgumentNullException(nameof(api));
            this.options = options ?? throw new ArgumentNullException(nameof(options));
            if (concurrentReads < 1) throw new ArgumentOutOfRangeException(nameof(concurrentReads));
            reads = new SemaphoreSlim(concurrentReads, concurrentReads);
            this.clock = clock;
        }

        public WaitTally Tally { get; } = new WaitTally();

        /// <summary>Reads the connection until it is final; returns it when in the status waited for.</summary>
        /// <exception cref="DinteroWaitException">Another final status, or the time ran out; names the last status.</exception>
        public async Task<Connection> WaitAsync(string accountId, ConnectionKind kind, CancellationToken cancellationToken)
        {
            var item = kind.Name + " " + accountId;
            var deadline = clock.UtcNow + options.Timeout;
            var interval = options.PollInterval;
            Connection? last = null;
            while (true)
            {
                await reads.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    last = await api.GetConnectionAsync(kind, accountId, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    reads.Release();
                }
                Tally.Seen(item, last.status);
                if (last.status == options.Status) return last;
                if (KnownValues.IsFinal(last.status))
                {
                    throw new DinteroWaitException(
                        $"The {kind.Name} connection of account {accountId} ended {last.status}, not {options.Status}{LastEvent(last)}.",
                        accountId, kind.Name, last.status, timedOut: false, last);
                }
                var left = deadline - clock.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    Tally.Seen(item, WaitTally.TimedOutStatus);
                    throw new DinteroWaitException(
                        $"The {kind.Name} connection of account {accountId} was still {last.status} after {options.Timeout}, not {options.Status}{LastEvent(last)}.",
                        accountId, kind.Name, last.status, timedOut: true, last);
                }
                await clock.Delay(interval < left ? interval : left, cancellationToken).ConfigureAwait(false);
                interval = options.NextInterval(interval);
            }
        }

        private static string LastEvent(Connection connection) =>
            connection.last_event == null ? string.Empty : $" (last event: {connection.last_event})";
    }
}
