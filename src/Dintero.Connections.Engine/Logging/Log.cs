using System.Collections.Generic;
using Dintero.Connections.Redaction;

namespace Dintero.Connections.Logging
{
    /// <summary>Writes log lines through the redactor to the client's sink; does nothing without a sink.</summary>
    internal sealed class Log
    {
        private readonly ILogSink? sink;
        private readonly Redactor redactor;

        public Log(ILogSink? sink, Redactor redactor)
        {
            this.sink = sink;
            this.redactor = redactor;
        }

        /// <summary>Whether a line of this level would go anywhere; checked before building costly lines.</summary>
        public bool IsEnabled(DinteroLogLevel level) => sink != null && sink.IsEnabled(level);

        public void Write(DinteroLogLevel level, string message, IEnumerable<string>? extraSecrets = null, string? condition = null)
        {
            if (IsEnabled(level)) sink!.Write(new DinteroLogEntry(level, redactor.Redact(message, extraSecrets), condition));
        }

        public void Debug(string message) => Write(DinteroLogLevel.Debug, message);

        public void Warning(string message, string? condition = null) => Write(DinteroLogLevel.Warning, message, null, condition);
    }
}
