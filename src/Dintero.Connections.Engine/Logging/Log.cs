using System;
using Dintero.Connections.Redaction;

namespace Dintero.Connections.Logging
{
    /// <summary>Writes log lines through the redactor to the caller's sink; does nothing without a sink.</summary>
    internal sealed class Log
    {
        private readonly Action<DinteroLogEntry>? sink;
        private readonly Redactor redactor;

        public Log(Action<DinteroLogEntry>? sink, Redactor redactor)
        {
            this.sink = sink;
            this.redactor = redactor;
        }

        public bool Enabled => sink != null;

        public void Write(DinteroLogLevel level, string message, System.Collections.Generic.IEnumerable<string>? extraSecrets = null)
        {
            sink?.Invoke(new DinteroLogEntry(level, redactor.Redact(message, extraSecrets)));
        }

        public void Debug(string message) => Write(DinteroLogLevel.Debug, message);

        public void Verbose(string message) => Write(DinteroLogLevel.Verbose, message);

        public void Warning(string message) => Write(DinteroLogLevel.Warning, message);
    }
}
