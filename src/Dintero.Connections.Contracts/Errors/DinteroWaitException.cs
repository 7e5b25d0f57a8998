using System;
using Dintero.Connections.Models;

namespace Dintero.Connections.Errors
{
    /// <summary>
    /// A connection did not reach the status waited for: the wait timed out, or the connection ended failed or
    /// declined. Names the last status seen, and holds the connection as last read.
    /// </summary>
    public sealed class DinteroWaitException : DinteroException
    {
        public DinteroWaitException(string message, string accountId, string connectionType, string? lastStatus, bool timedOut, Connection? connection)
            : base(message)
        {
            AccountId = accountId;
            ConnectionType = connectionType;
            LastStatus = lastStatus;
            TimedOut = timedOut;
            Connection = connection;
        }

        public string AccountId { get; }

        public string ConnectionType { get; }

        /// <summary>The status at the last read, e.g. <c>pending</c>; null when the connection was never read.</summary>
        public string? LastStatus { get; }

        /// <summary>True when the time ran out; false when the connection ended in another final status.</summary>
        public bool TimedOut { get; }

        /// <summary>The connection as last read, if it was read.</summary>
        public Connection? Connection { get; }

        public override string ErrorId => TimedOut ? ErrorIds.WaitTimedOut : ErrorIds.WaitPrefix + (LastStatus ?? "Unknown");
    }
}
