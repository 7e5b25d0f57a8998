using System.Management.Automation;
using System.Threading;
using Dintero.Connections.Connections;
using Dintero.Connections.Models;
using Dintero.Connections.Session;
using Dintero.Connections.Waiting;

namespace Dintero.Connections.Output
{
    /// <summary>
    /// Wait-DinteroConnection's work: every connection waited for at once (each is mostly asleep between reads), each
    /// written as soon as it is final, and a progress bar that counts them by status.
    /// </summary>
    internal sealed class ConnectionWatch
    {
        private readonly PipelineBatch<Connection> batch;
        private readonly WaitOptions options;
        private readonly int concurrentReads;
        private ConnectionWaiter? waiter;

        /// <param name="cmdlet">Whose streams are written.</param>
        /// <param name="options">What to wait for and how long.</param>
        /// <param name="concurrentReads">How many reads may be in flight at once (-ThrottleLimit).</param>
        /// <param name="cancellation">The cmdlet's stop signal.</param>
        public ConnectionWatch(Cmdlet cmdlet, WaitOptions options, int concurrentReads, CancellationToken cancellation)
        {
            this.options = options;
            this.concurrentReads = concurrentReads;
            batch = new PipelineBatch<Connection>(cmdlet, int.MaxValue, $"Waiting for connections to be {options.Status}", cancellation, inInputOrder: false)
            {
                Describe = _ => waiter?.Tally.ToString() ?? "starting",
            };
        }

        public void Add(DinteroContext context, string connectionType, PipelineItem item)
        {
            var kind = ConnectionKinds.Named(connectionType);
            var current = waiter ??= new ConnectionWaiter(context.GetClient(), options, concurrentReads);
            var accountId = item.AccountId!;
            batch.Add(token => current.WaitAsync(accountId, kind, token), item);
        }

        public void Drain() => batch.Drain();
    }
}
