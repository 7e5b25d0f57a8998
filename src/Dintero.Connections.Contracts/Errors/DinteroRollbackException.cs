namespace Dintero.Connections.Errors
{
    /// <summary>
    /// A step of a two-step change failed after the first step was done, and the first step was undone (or could not be):
    /// an API client whose grant failed is deleted, so that no client without a grant is left; one whose answer (with the
    /// secret) was lost is deleted, since its secret can never be had again. The failure is the <see cref="Cause"/>, with
    /// Dintero's message and field errors.
    /// </summary>
    public sealed class DinteroRollbackException : DinteroException
    {
        public DinteroRollbackException(string description, string advice, DinteroException cause, bool undone, string? leftBehind = null)
            : base(description, advice, cause, cause.Trace)
        {
            Undone = undone;
            LeftBehind = leftBehind;
        }

        /// <summary>What failed: Dintero's answer to the second step, or the lost answer of the first.</summary>
        public DinteroException Cause => (DinteroException)InnerException!;

        /// <summary>True when the first step was undone: nothing is left behind.</summary>
        public bool Undone { get; }

        /// <summary>When it could not be undone: what is left (e.g. the client's id), for the command that removes it.</summary>
        public string? LeftBehind { get; }

        /// <summary><c>Dintero.Rollback.Undone</c>, or <c>Dintero.Rollback.LeftBehind</c> when something is left to remove.</summary>
        public override string ErrorId => Undone ? ErrorIds.RollbackUndone : ErrorIds.RollbackLeftBehind;
    }
}
