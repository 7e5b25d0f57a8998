using System;

namespace Dintero.Connections.Errors
{
    /// <summary>
    /// Base of every error the engine raises. Messages are redacted when built: they never hold a secret,
    /// a token, a social security number or a bank account number.
    /// </summary>
    public abstract class DinteroException : Exception
    {
        protected DinteroException(string message, Exception? innerException = null, RequestTrace? trace = null)
            : base(trace == null ? message : message + "\n" + trace, innerException)
        {
            Trace = trace;
        }

        /// <summary>A stable identifier for scripts and PowerShell ErrorIds, e.g. <c>Dintero.ValidationFailed</c>.</summary>
        public abstract string ErrorId { get; }

        /// <summary>The request's id and time, for Dintero's support, when a request was sent (also the message's last line).</summary>
        public RequestTrace? Trace { get; }
    }
}
