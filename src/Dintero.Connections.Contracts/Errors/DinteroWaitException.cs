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
        /// <param name="message">What happened, e.g. "The payment approval of account T11200001 ended DECLINED, not ACTIVE."</param>
        /// <param name="accountId">The account waited on.</param>
        /// <param name="kind">What was waited for: a connection kind (Common, Vipps, ...), PaymentApproval or PayoutDestination.</param>
        /// <param name="lastStatus">The status at the last read; null when nothing was read.</param>
        /// <param name="timedOut">True when the time ran out.</param>
        /// <param name="lastRead">What was last read; null when nothing was.</param>
        /// <param name="advice">What to do, in the words of what was waited for; null for a connection's (the error report's own).</param>
        /// <param name="isConnection">False for an approval: <see cref="ConnectionType"/> is then null.</param>
        public DinteroWaitException(string message, string accountId, string kind, string? lastStatus, bool timedOut, object? lastRead, string? advice = null, bool isConnection = true)
            : base(message, advice, null, null)
        {
            AccountId = accountId;
            Kind = kind;
            ConnectionType = isConnection ? kind : null;
            LastStatus = lastStatus;
            TimedOut = timedOut;
            LastRead = lastRead;
        }

        public string AccountId { get; }

        /// <summary>What was waited for: a connection kind (Common, Vipps, ...), PaymentApproval or PayoutDestination.</summary>
        public string Kind { get; }

        /// <summary>The connection kind, when a connection was waited for (Common, Vipps, ...); null for a payment or seller approval.</summary>
        public string? ConnectionType { get; }

        /// <summary>The status at the last read, e.g. <c>pending</c> or <c>WAITING_FOR_SIGNATURE</c>; null when nothing was read.</summary>
        public string? LastStatus { get; }

        /// <summary>True when the time ran out; false when it ended in another final status (or there was nothing to wait for).</summary>
        public bool TimedOut { get; }

        /// <summary>What was last read (a connection, a payment approval, a seller approval); null when nothing was.</summary>
        public object? LastRead { get; }

        /// <summary>The connection as last read, when a connection was waited for.</summary>
        public Connection? Connection => LastRead as Connection;

        public override string ErrorId => TimedOut ? ErrorIds.WaitTimedOut : LastStatus == null && LastRead == null ? ErrorIds.WaitNothing : ErrorIds.WaitPrefix + (LastStatus ?? "Unknown");
    }
}
