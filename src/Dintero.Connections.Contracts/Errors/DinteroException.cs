using System;

namespace Dintero.Connections.Errors
{
    /// <summary>
    /// Base of every error the engine raises. Messages are redacted when built: they never hold a secret,
    /// a token, a social security number or a bank account number.
    /// </summary>
    /// <remarks>
    /// The message is built of parts kept apart: what happened (<see cref="Description"/>), what to do about it
    /// (<see cref="Advice"/>) and the request's trace, one after the other. Whoever reports the error further (an
    /// ErrorRecord, a report row, a settled signup) takes the part it needs, and no one cuts a message apart.
    /// </remarks>
    public abstract class DinteroException : Exception
    {
        protected DinteroException(string description, Exception? innerException = null, RequestTrace? trace = null)
            : this(description, advice: null, innerException, trace)
        {
        }

        protected DinteroException(string description, string? advice, Exception? innerException, RequestTrace? trace)
            : base(Compose(description, advice, trace), innerException)
        {
            Description = description;
            Advice = advice;
            Trace = trace;
        }

        /// <summary>A stable identifier for scripts and PowerShell ErrorIds, e.g. <c>Dintero.ValidationFailed</c>.</summary>
        public abstract string ErrorId { get; }

        /// <summary>What happened, without the advice and the trace.</summary>
        public string Description { get; }

        /// <summary>What to do about it, when there is advice to give (an ErrorRecord's recommended action).</summary>
        public string? Advice { get; }

        /// <summary>The request's id and time, for Dintero's support, when a request was sent (also the message's last line).</summary>
        public RequestTrace? Trace { get; }

        /// <summary>
        /// True when what was asked may have been done although no good answer came (a change whose answer was lost, or
        /// that Dintero answered with a 5xx): read it back before sending it again. A report says Unknown for it, not Failed.
        /// </summary>
        public virtual bool OutcomeUnknown => false;

        private static string Compose(string description, string? advice, RequestTrace? trace)
        {
            var message = advice == null ? description : description + "\n" + advice;
            return trace == null ? message : message + "\n" + trace;
        }
    }
}
