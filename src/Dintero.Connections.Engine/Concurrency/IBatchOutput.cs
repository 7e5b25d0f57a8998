using Dintero.Connections.Logging;

namespace Dintero.Connections.Concurrency
{
    /// <summary>
    /// Where <see cref="BatchRunner{TItem, TResult}"/> writes log lines, on the thread that owns it (in PowerShell: the
    /// pipeline thread, the only one allowed to write to PowerShell's streams).
    /// </summary>
    public interface ILogOutput
    {
        /// <summary>Whether log lines of this level are wanted. Called from any thread: keep it a cheap read.</summary>
        bool IsLogEnabled(DinteroLogLevel level);

        /// <summary>A log line of a call in flight, as soon as the owner's thread is free to write it.</summary>
        void WriteLog(DinteroLogEntry entry);
    }

    /// <summary>Where <see cref="BatchRunner{TItem, TResult}"/> writes outcomes and progress, on the owner's thread.</summary>
    public interface IBatchOutput<TItem, TResult> : ILogOutput
    {
        /// <summary>How an item ended, in the order the items were added.</summary>
        void WriteOutcome(BatchOutcome<TItem, TResult> outcome);

        /// <summary>The counts so far, when they changed, at most every <see cref="BatchRunner{TItem, TResult}.ProgressInterval"/>.</summary>
        void WriteProgress(BatchProgress progress);
    }
}
