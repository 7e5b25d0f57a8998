using System;

namespace Dintero.Connections.Concurrency
{
    /// <summary>The outcome of a call that was never started: its batch was abandoned first (<see cref="BatchRunner{TItem, TResult}.Abandon"/>). Nothing was sent.</summary>
    public sealed class NotStartedException : Exception
    {
        public NotStartedException()
            : base("Not sent: the command ended before this record's call was started.")
        {
        }
    }
}
