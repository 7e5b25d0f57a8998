namespace Dintero.Connections.Rows
{
    /// <summary>
    /// What a creator's command must be given again to go on from its report (the engine's RowReport.Resume), which no
    /// report row holds: a secret the report never keeps, a switch of the whole command. Said as a placeholder and a
    /// sentence that says what to fill in, never the value. In the contracts because the creator cmdlets' base type names it.
    /// </summary>
    public sealed class GivenAgain
    {
        /// <param name="arguments">The parameters as they go on the command line, e.g. <c>-Secret $secret -InsecureSsl</c>.</param>
        /// <param name="note">The sentence that says what to fill in, e.g. "Set $secret to the signing secret first: the report does not keep it."; null for none.</param>
        public GivenAgain(string arguments, string? note)
        {
            Arguments = arguments;
            Note = note;
        }

        public string Arguments { get; }

        public string? Note { get; }
    }
}
