using Dintero.Connections.Models;

namespace Dintero.Connections.Signups
{
    /// <summary>
    /// What became of one row of a signup command: the one vocabulary from the engine's decision to the report's
    /// <c>outcome</c> column, which a later run filters on (<c>Where-Object outcome -eq WouldCreate</c>).
    /// </summary>
    public enum RowOutcome
    {
        /// <summary>Dintero stored the signup (or, when its answer was lost, reading back proved this signup stored).</summary>
        Created,

        /// <summary>Not sent: the account's connection of the kind exists already (pending or enabled), an earlier row of the same input sends it, or -Confirm was declined.</summary>
        Skipped,

        /// <summary>Not stored: bad input, a refusal, or a lost answer that reading back showed was not stored. The next run sends it.</summary>
        Failed,

        /// <summary>Cannot tell whether Dintero stored it (the answer was lost and reading back could not settle it, or the command was stopped with it on its way).</summary>
        Unknown,

        /// <summary>Not sent: the command ended before this row's turn (a terminating error, a stop). The same input run again sends it.</summary>
        NotSent,

        /// <summary>-WhatIf: the run would send it.</summary>
        WouldCreate,

        /// <summary>-WhatIf: the run would skip it, for the reason given.</summary>
        WouldSkip,
    }

    /// <summary>
    /// One signup's outcome, as a re-runnable signup cmdlet gets it from the engine's SignupRun: the connection created,
    /// or why nothing was (or would be) sent. Failures are exceptions, as for every other call; the report reads their
    /// outcome off them (<see cref="Errors.DinteroException.OutcomeUnknown"/>).
    /// </summary>
    /// <remarks>In the contracts because the signup cmdlets' base type names it; the engine fills it in.</remarks>
    public sealed class SignupOutcome<TConnection> where TConnection : Connection
    {
        internal SignupOutcome(RowOutcome outcome, string accountId, string connectionType, TConnection? connection, string? status, string? reason)
        {
            Outcome = outcome;
            AccountId = accountId;
            ConnectionType = connectionType;
            Connection = connection;
            Status = status;
            Reason = reason;
        }

        public RowOutcome Outcome { get; }

        public string AccountId { get; }

        /// <summary>The kind, as -ConnectionType names it: Common, Bambora, ...</summary>
        public string ConnectionType { get; }

        /// <summary>The connection Dintero answered with (or read back); null for a row not sent.</summary>
        public TConnection? Connection { get; }

        /// <summary>The connection's status: the one created, or the existing one a skip is for.</summary>
        public string? Status { get; }

        /// <summary>For a skip, what was found; for a creation settled by reading back, what proved it.</summary>
        public string? Reason { get; }
    }
}
