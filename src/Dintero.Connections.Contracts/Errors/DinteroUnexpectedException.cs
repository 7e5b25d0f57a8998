using System;

namespace Dintero.Connections.Errors
{
    /// <summary>
    /// What the module did not foresee, as an error of its own: every error the module writes is a
    /// <see cref="DinteroException"/> (<c>catch [Dintero.Connections.Errors.DinteroException]</c> catches them all). The
    /// original is the <see cref="Exception.InnerException"/>; the message is masked as every other.
    /// </summary>
    public sealed class DinteroUnexpectedException : DinteroException
    {
        public DinteroUnexpectedException(string description, Exception innerException)
            : base(description, innerException)
        {
        }

        public override string ErrorId => ErrorIds.Unexpected;
    }
}
