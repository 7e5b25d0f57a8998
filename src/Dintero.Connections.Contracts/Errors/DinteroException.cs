using System;

namespace Dintero.Connections.Errors
{
    /// <summary>
    /// Base of every error the engine raises. Messages are redacted when built: they never hold a secret,
    /// a token, a social security number or a bank account number.
    /// </summary>
    public abstract class DinteroException : Exception
    {
        protected DinteroException(string message, Exception? innerException = null)
            : base(message, innerException)
        {
        }

        /// <summary>A stable identifier for scripts and PowerShell ErrorIds, e.g. <c>Dintero.ValidationFailed</c>.</summary>
        public abstract string ErrorId { get; }
    }
}
