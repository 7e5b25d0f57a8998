using System;

namespace Dintero.Connections.Concurrency
{
    /// <summary>A snapshot of an <see cref="BatchRunner{TItem, TResult}"/>: what is done, what failed, what is in flight.</summary>
    public sealed class BatchProgress
    {
        public BatchProgress(int succeeded, int failed, int inFlight, TimeSpan elapsed)
        {
            Succeeded = succeeded;
            Failed = failed;
            InFlight = inFlight;
            Elapsed = elapsed;
        }

        public int Succeeded { get; }

        public int Failed { get; }

        public int InFlight { get; }

        public int Done => Succeeded + Failed;

        public TimeSpan Elapsed { get; }

        /// <summary>Items finished per second since the work started.</summary>
        public double PerSecond => Elapsed.TotalSeconds <= 0 ? 0 : Done / Elapsed.TotalSeconds;

        /// <summary>One line for a progress bar's status, e.g. "12 done (1 failed), 4 in flight, 7.5/s".</summary>
        public override string ToString() =>
            $"{Done} done{(Failed > 0 ? $" ({Failed} failed)" : string.Empty)}, {InFlight} in flight, {PerSecond.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}/s";
    }
}
