using System;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Http;

namespace Dintero.Connections.Waiting
{
    /// <summary>
    /// A wait command's state over its batch (Wait-DinteroConnection, Wait-DinteroPaymentApproval,
    /// Wait-DinteroPayoutDestination): one engine <see cref="StatusWaiter"/> for everything waited for (each is mostly asleep
    /// between reads, so all wait at once while -ThrottleLimit bounds the reads in flight), and its tally of statuses for
    /// the progress bar.
    /// </summary>
    internal sealed class StatusWatch
    {
        private readonly WaitOptions options;
        private readonly int concurrentReads;
        private StatusWaiter? waiter;

        /// <param name="options">What to wait for and how long.</param>
        /// <param name="concurrentReads">How many reads may be in flight at once (-ThrottleLimit).</param>
        public StatusWatch(WaitOptions options, int concurrentReads)
        {
            this.options = options;
            this.concurrentReads = concurrentReads;
        }

        /// <summary>The progress bar's status line, e.g. "3 enabled, 5 pending".</summary>
        public string Status => waiter?.Tally.ToString() ?? "starting";

        /// <summary>The wait for one record's thing, as a call of the batch.</summary>
        /// <param name="followed">What is followed, made for the record's API.</param>
        public Func<CancellationToken, Task<T>> WaitFor<T>(Followed<T> followed)
            where T : class
        {
            var current = waiter ??= new StatusWaiter(options, concurrentReads);
            return token => current.WaitAsync(followed, token);
        }
    }
}
