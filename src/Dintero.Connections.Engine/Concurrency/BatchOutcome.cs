using System;

namespace Dintero.Connections.Concurrency
{
    /// <summary>How one call of an <see cref="BatchRunner{TItem, TResult}"/> ended: a result or a failure.</summary>
    public sealed class BatchOutcome<TItem, TResult>
    {
        internal BatchOutcome(int index, TItem item, TResult result, Exception? failure)
        {
            Index = index;
            Item = item;
            Result = result;
            Failure = failure;
        }

        /// <summary>The item's position in the order items were added, from 0.</summary>
        public int Index { get; }

        /// <summary>What the owner passed with the call (in a cmdlet: the pipeline record and its account).</summary>
        public TItem Item { get; }

        /// <summary>The result; the type's default when <see cref="Failure"/> is set.</summary>
        public TResult Result { get; }

        public Exception? Failure { get; }
    }
}
