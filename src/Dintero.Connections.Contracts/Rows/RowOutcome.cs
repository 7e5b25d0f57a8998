namespace Dintero.Connections.Rows
{
    /// <summary>
    /// What became of one row of a command that makes something once per row (a signup, an API client, a webhook
    /// subscription): the one vocabulary from the engine's decision to the summary and the report's <c>outcome</c> column,
    /// which a later run filters on (<c>Where-Object outcome -eq WouldCreate</c>).
    /// </summary>
    public enum RowOutcome
    {
        /// <summary>Dintero stored it (or, when its answer was lost, reading back proved it stored).</summary>
        Created,

        /// <summary>Not sent: it exists already, an earlier row of the same input sends it, or -Confirm was declined.</summary>
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
}
