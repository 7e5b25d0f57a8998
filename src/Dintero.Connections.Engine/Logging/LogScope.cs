using System;
using System.Threading;

namespace Dintero.Connections.Logging
{
    /// <summary>
    /// Routes the log lines of the calls started inside a scope to that scope's sink. One client serves a whole
    /// session, but each cmdlet invocation (and each pipeline item) collects its own lines, and writes them from
    /// the pipeline thread, since PowerShell's streams may only be written there.
    /// </summary>
    public static class LogScope
    {
        private static readonly AsyncLocal<Scope?> Ambient = new AsyncLocal<Scope?>();

        /// <summary>Starts a scope on the current async flow; calls started from it log to <paramref name="sink"/>.</summary>
        public static IDisposable Begin(Action<DinteroLogEntry> sink, DinteroLogLevel minimumLevel)
        {
            var previous = Ambient.Value;
            Ambient.Value = new Scope(sink, minimumLevel);
            return new Restore(previous);
        }

        /// <summary>Whether anything would receive a line of this level in the current flow.</summary>
        public static bool IsEnabled(DinteroLogLevel level) => Ambient.Value is Scope scope && level >= scope.MinimumLevel;

        /// <summary>A client's log sink that writes to the current scope, if any.</summary>
        public static void Write(DinteroLogEntry entry)
        {
            var scope = Ambient.Value;
            if (scope != null && entry.Level >= scope.MinimumLevel) scope.Sink(entry);
        }

        private sealed class Scope
        {
            public Scope(Action<DinteroLogEntry> sink, DinteroLogLevel minimumLevel)
            {
                Sink = sink;
                MinimumLevel = minimumLevel;
            }

            public Action<DinteroLogEntry> Sink { get; }

            public DinteroLogLevel MinimumLevel { get; }
        }

        private sealed class Restore : IDisposable
        {
            private readonly Scope? previous;

            public Restore(Scope? previous) => this.previous = previous;

            public void Dispose() => Ambient.Value = previous;
        }
    }
}
