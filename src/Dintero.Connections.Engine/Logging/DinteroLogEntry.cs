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
        public DinteroLogEntry(DinteroLogLevel level, string message, string? condition = null)
        {
            Level = level;
            Message = message;
            Condition = condition;
        }

        public DinteroLogLevel Level { get; }

        /// <summary>Already redacted.</summary>
        public string Message { get; }

        /// <summary>
        /// For a warning that may repeat once per row (a 429 waited out, a retry): what it is an instance of, e.g.
        /// "Dintero limited the request rate (429); the requests waited and were sent again". A batch shows the first
        /// and sums up the rest (<see cref="RepeatedWarnings"/>). Null for a warning said as it is.
        /// </summary>
        public string? Condition { get; }

        public override string ToString() => $"{Level}: {Message}";
    }
}
