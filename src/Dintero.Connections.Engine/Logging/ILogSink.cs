namespace Dintero.Connections.Logging
{
    /// <summary>
    /// Where a client's log lines go. The one filter: a line is built only when <see cref="IsEnabled"/> says it
    /// would go somewhere (a Debug line costs a read of the whole body).
    /// </summary>
    public interface ILogSink
    {
        /// <summary>Whether a line of this level is wanted now; asked before the line is built.</summary>
        bool IsEnabled(DinteroLogLevel level);

        /// <summary>Receives a line that is already redacted. May be called from any thread.</summary>
        void Write(DinteroLogEntry entry);
    }
}
