using Dintero.Connections.Models;

namespace Dintero.Connections.Signups
{
    /// <summary>What became of one signup that did not fail.</summary>
    public enum SignupResult
    {
        /// <summary>Dintero stored the signup (or, when its answer was lost, reading back found it stored).</summary>
        Created,

        /// <summary>Not sent: the account's connection of the kind exists already (pending or enabled), or an earlier row of the same input sends it.</summary>
        Skipped,
    }

    /// <summary>
    /// One signup's outcome, as a re-runnable signup cmdlet gets it from the engine's SignupRun: the connection created,
    /// or why nothing was sent. Failures are exceptions, as for every other call.
    /// </summary>
    /// <remarks>In the contracts because the signup cmdlets' base type names it; the engine fills it in.</remarks>
    public sealed class SignupOutcome<TConnection> where TConnection : Connection
    {
        internal SignupOutcome(SignupResult result, string accountId, string connectionType, TConnection? connection, string? status, string? reason)
        {
            Result = result;
            AccountId = accountId;
            ConnectionType = connectionType;
            Connection = connection;
            Status = status;
            Reason = reason;
        }

        public SignupResult Result { get; }

        public string AccountId { get; }

        /// <summary>The kind, as -Type names it: Common, Bambora, ...</summary>
        public string ConnectionType { get; }

        /// <summary>The connection Dintero answered with (or read back); null for a skipped row.</summary>
        public TConnection? Connection { get; }

        /// <summary>The connection's status: the one created, or the existing one a skip is for.</summary>
        public string? Status { get; }

        /// <summary>For a skip, what was found; for a creation settled by reading back, that it was.</summary>
        public string? Reason { get; }
    }
}
