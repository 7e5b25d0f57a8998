using System;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Kinds;
using Dintero.Connections.Models;
using Dintero.Connections.Waiting;

namespace Dintero.Connections.Waiting
{
    /// <summary>
    /// Wait-DinteroConnection's state over its batch: one engine <see cref="ConnectionWaiter"/> for every connection
    /// waited for (each is mostly asleep between reads, so all wait at once while -ThrottleLimit bounds the reads in
    /// flight), and its tally of statuses for the progress bar.
    /// </summary>
    internal sealed class ConnectionWatch
    {
        private readonly WaitOptions options;
        private readonly int concurrentReads;
        private ConnectionWaiter? waiter;

        /// <param name="options">What to wait for and how long.</param>
        /// <param name="concurrentReads">How many reads may be in flight at once (-ThrottleLimit).</param>
        public ConnectionWatch(WaitOptions options, int concurrentReads)
        {
            this.options = options;
            this.concurrentReads = concurrentReads;
        }

        /// <summary>The progress bar's status line, e.g. "3 enabled, 5 pending".</summary>
        public string Status => waiter?.Tally.ToString() ?? "starting";

        /// <summary>The wait for one record's connection, as a call of the batch.</summary>
        public Func<CancellationToken, Task<Connection>> WaitFor(BatchItem item, ConnectionKind kind, string accountId)
        {
            var current = waiter ??= new ConnectionWaiter(item.Api, options, concurrentReads);
            return token => current.WaitAsync(accountId, kind, token);
        }
    }
}
