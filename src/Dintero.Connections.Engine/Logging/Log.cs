using System;
using Dintero.Connections.Redaction;

namespace Dintero.Connections.Logging
{
    /// <summary>Writes log lines through the redactor to the caller's sink; does nothing without a sink.</summary>
    internal sealed class Log
    {
        private readonly Action<DinteroLogEntry>? sink;
        private readonly Redactor redactor;
        private readonly DinteroLogLevel minimumLevel;
        private readonly Func<DinteroLogLevel, bool>? enabled;

        public Log(Action<DinteroLogEntry>? sink, Redactor redactor, DinteroLogLevel minimumLevel = DinteroLogLevel.Debug, Func<DinteroLogLevel, bool>? enabled = null)
        {
            this.sink = sink;
            this.redactor = redactor;
            this.minimumLevel = minimumLevel;
            this.enabled = enabled;
        }

        /// <summary>Whether a line of this level would go anywhere; checked before building costly lines.</summary>
        public bool IsEnabled(DinteroLogLevel level) => sink != null && level >= minimumLevel && (enabled == null || enabled(level));

        public void Write(DinteroLogLevel level, string message, System.Collections.Generic.IEnumerable<string>? extraSecrets = null)
        {
            if (IsEnabled(level)) sink!.Invoke(new DinteroLogEntry(level, redactor.Redact(message, extraSecrets)));
        }

        public void Debug(string message) => Write(DinteroLogLevel.Debug, message);

        public void Warning(string message) => Write(DinteroLogLevel.Warning, message);
    }
}
