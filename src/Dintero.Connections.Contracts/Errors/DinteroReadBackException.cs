namespace Dintero.Connections.Errors
{
    /// <summary>What reading back found, when it could not prove that a change whose answer was lost was stored.</summary>
    public enum ReadBackFinding
    {
        /// <summary>Not stored: what Dintero holds is as it was before the request (or there is nothing); sending it again is safe.</summary>
        NotStored,

        /// <summary>Cannot tell: the read-back failed, or what it found changed after the request but is not what was sent.</summary>
        CannotTell,
    }

    /// <summary>
    /// A change whose answer was lost (no answer, a timeout, a 5xx), settled by reading back what it changes: the request
    /// as it failed is the <see cref="System.Exception.InnerException"/>, and what the read-back found is said after it.
    /// A change the read-back proved stored is no error at all.
    /// </summary>
    public sealed class DinteroReadBackException : DinteroException
    {
        public DinteroReadBackException(ReadBackFinding finding, string description, string advice, DinteroException lost)
            : base(description, advice, lost, lost.Trace)
        {
            Finding = finding;
        }

        public ReadBackFinding Finding { get; }

        /// <summary>The request as it failed.</summary>
        public DinteroException Lost => (DinteroException)InnerException!;

        public override bool OutcomeUnknown => Finding == ReadBackFinding.CannotTell;

        /// <summary>Unknown: <c>Dintero.Transport.OutcomeUnknown</c>; not stored: Dintero's own error for a 5xx, <c>Dintero.Transport.NotStored</c> for a lost answer.</summary>
        public override string ErrorId => Finding == ReadBackFinding.CannotTell
            ? ErrorIds.OutcomeUnknown
            : Lost is DinteroApiException answer ? answer.ErrorId : ErrorIds.NotStored;
    }
}
