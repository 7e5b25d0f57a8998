using System;

namespace Dintero.Connections.Concurrency
{
    /// <summary>How one item of an <see cref="OrderedWork{TResult}"/> ended: a result or a failure.</summary>
    public sealed class WorkOutcome<TResult>
    {
        internal WorkOutcome(int index, object? state, TResult result, Exception? failure)
        {
            Index = index;
            State = state;
            Result = result;
            Failure = failure;
        }

        /// <summary>The item's position in the order items were added, from 0.</summary>
        public int Index { get; }

        /// <summary>What the owner passed with the item (in a cmdlet: the input object and its account).</summary>
        public object? State { get; }

        /// <summary>The result; the type's default when <see cref="Failure"/> is set.</summary>
        public TResult Result { get; }

        public Exception? Failure { get; }
    }
}
