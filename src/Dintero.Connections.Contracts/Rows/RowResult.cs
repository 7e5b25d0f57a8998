namespace Dintero.Connections.Rows
{
    /// <summary>
    /// One row's result, as a command that makes something once per row gets it from the engine's RowRunner: what was
    /// made, or why nothing was (or would be) sent. Failures are exceptions, as for every other call; the report reads
    /// their outcome off them (<see cref="Errors.DinteroException.OutcomeUnknown"/>).
    /// </summary>
    /// <typeparam name="TMade">What the command makes: a connection, an API client with its secret, a webhook subscription.</typeparam>
    /// <remarks>In the contracts because the creator cmdlets' base type names it; the engine fills it in.</remarks>
    public sealed class RowResult<TMade> where TMade : class
    {
        internal RowResult(RowOutcome outcome, string accountId, TMade? made, string? reason)
        {
            Outcome = outcome;
            AccountId = accountId;
            Made = made;
            Reason = reason;
        }

        /// <summary>Created, Skipped, WouldCreate or WouldSkip; the other outcomes are failures.</summary>
        public RowOutcome Outcome { get; }

        public string AccountId { get; }

        /// <summary>
        /// What Dintero answered with (or what reading back found) for a creation; for a skip, what exists already, as far as
        /// it was read; for a plan, what exists or would be sent. Null when there is nothing to show.
        /// </summary>
        public TMade? Made { get; }

        /// <summary>For a skip, what was found; for a creation settled by reading back or made in place of another, how.</summary>
        public string? Reason { get; }
    }
}
