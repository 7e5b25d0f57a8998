using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Dintero.Connections.Pipeline
{
    /// <summary>
    /// Keeps up to <see cref="ThrottleLimit"/> pipeline items in flight while their results are handed back in
    /// input order, on the caller's thread. A cmdlet adds one item per <c>ProcessRecord</c> and writes whatever
    /// <see cref="Add"/> returns; <c>EndProcessing</c> writes what <see cref="Drain"/> returns. With a limit of
    /// one, each item completes before the next starts, as in any cmdlet.
    /// </summary>
    public sealed class OrderedWork<TResult>
    {
        private readonly Queue<Task<TResult>> inFlight = new Queue<Task<TResult>>();

        public OrderedWork(int throttleLimit)
        {
            if (throttleLimit < 1) throw new ArgumentOutOfRangeException(nameof(throttleLimit), "The throttle limit is at least 1.");
            ThrottleLimit = throttleLimit;
        }

        public int ThrottleLimit { get; }

        /// <summary>Starts an item; returns the results of the oldest items once more than the limit are in flight.</summary>
        public IEnumerable<TResult> Add(Func<Task<TResult>> start)
        {
            inFlight.Enqueue(start());
            var done = new List<TResult>();
            while (inFlight.Count >= ThrottleLimit) done.Add(Wait(inFlight.Dequeue()));
            return done;
        }

        /// <summary>Waits for every item still in flight, in input order.</summary>
        public IEnumerable<TResult> Drain()
        {
            var done = new List<TResult>();
            while (inFlight.Count > 0) done.Add(Wait(inFlight.Dequeue()));
            return done;
        }

        // Work functions report their own failures in TResult; only cancellation escapes.
        private static TResult Wait(Task<TResult> task) => task.GetAwaiter().GetResult();
    }
}
