namespace Dintero.Connections.Logging
{
    /// <summary>How much a log line matters; maps onto PowerShell's Verbose, Debug and Warning streams.</summary>
    public enum DinteroLogLevel
    {
        /// <summary>Internals: headers, bodies (redacted), token cache decisions.</summary>
        Debug = 0,

        /// <summary>One line per HTTP request: method, path, status, duration.</summary>
        Verbose = 1,

        /// <summary>Something the user should know although the call went on, such as a retry after 429.</summary>
        Warning = 2,
    }

    /// <summary>A redacted log line.</summary>
    public sealed class DinteroLogEntry
    {
        public DinteroLogEntry(DinteroLogLevel level, string message)
        {
            Level = level;
            Message = message;
        }

        public DinteroLogLevel Level { get; }

        /// <summary>Already redacted.</summary>
        public string Message { get; }

        public override string ToString() => $"{Level}: {Message}";
    }
}
