using System;
using System.Threading;

namespace Dintero.Connections.Logging
{
    /// <summary>
    /// Routes the log lines of the calls started inside a scope to that scope's sink. One client serves a whole
    /// session, but each cmdlet invocation collects its own lines (and writes them from its pipeline thread, the
    /// only thread where PowerShell's streams may be written), so the client's sink is <see cref="Ambient"/>:
    /// it forwards to whatever scope the calling async flow began.
    /// </summary>
    public static class LogScope
    {
        private static readonly AsyncLocal<ILogSink?> Current = new AsyncLocal<ILogSink?>();

        /// <summary>The sink to give a client whose lines should follow the caller's scope.</summary>
        public static ILogSink Ambient { get; } = new AmbientSink();

        /// <summary>Starts a scope on the current async flow; calls started from it log to <paramref name="sink"/>.</summary>
        public static IDisposable Begin(ILogSink sink)
        {
            var previous = Current.Value;
            Current.Value = sink;
            return new Restore(previous);
        }

        private sealed class AmbientSink : ILogSink
        {
            public bool IsEnabled(DinteroLogLevel level) => Current.Value?.IsEnabled(level) ?? false;

            public void Write(DinteroLogEntry entry) => Current.Value?.Write(entry);
        }

        private sealed class Restore : IDisposable
        {
            private readonly ILogSink? previous;

            public Restore(ILogSink? previous) => this.previous = previous;

            public void Dispose() => Current.Value = previous;
        }
    }
}
