using System;
using Dintero.Connections.Models;

namespace Dintero.Connections.Errors
{
    /// <summary>
    /// Something Dintero decides (a connection's signup, a payment or seller approval) did not reach the status waited
    /// for: the wait timed out, or it ended in another final status (a connection failed or declined, a case DECLINED,
    /// TERMINATED, ERROR or ARCHIVED). Names the last status seen, and holds what was last read.
    /// </summary>
    public sealed class DinteroWaitException : DinteroException
    {
        public DinteroWaitException(string message, string accountId, string connectionType, string? lastStatus, bool timedOut, object? lastRead)
            : base(message)
        {
            AccountId = accountId;
            ConnectionType = connectionType;
            LastStatus = lastStatus;
            TimedOut = timedOut;
            LastRead = lastRead;
        }

        public string AccountId { get; }

        /// <summary>What was waited for: a connection kind (Common, Vipps, ...), PaymentApproval or PayoutDestination.</summary>
        public string ConnectionType { get; }

        /// <summary>The status at the last read, e.g. <c>pending</c>; null when the connection was never read.</summary>
        public string? LastStatus { get; }

        /// <summary>True when the time ran out; false when the connection ended in another final status.</summary>
        public bool TimedOut { get; }

        /// <summary>What was last read (a connection, a payment approval, a seller approval); null when nothing was.</summary>
        public object? LastRead { get; }

        /// <summary>The connection as last read, when a connection was waited for.</summary>
        public Connection? Connection => LastRead as Connection;

        public override string ErrorId => TimedOut ? ErrorIds.WaitTimedOut : LastStatus == null && LastRead == null ? ErrorIds.WaitNothing : ErrorIds.WaitPrefix + (LastStatus ?? "Unknown");
    }
}
