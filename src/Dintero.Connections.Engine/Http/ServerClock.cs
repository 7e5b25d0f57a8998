using System;
using System.Threading;

namespace Dintero.Connections.Http
{
    /// <summary>
    /// How far Dintero's clock is from this machine's, read off the <c>Date</c> header of Dintero's answers, so that
    /// Dintero's timestamps can be compared with moments this machine measured (when a request was sent) without trusting
    /// either clock to be right. <c>Date</c> is whole seconds, and stamped before the answer travels back: the estimate
    /// errs early, by up to a second plus the answer's way back.
    /// </summary>
    public sealed class ServerClock
    {
        private long offsetTicks;
        private int observed;

        /// <summary>Dintero's <c>Date</c> minus this machine's time when the answer arrived, from the latest answer with one; null before any.</summary>
        public TimeSpan? Offset => Volatile.Read(ref observed) == 0 ? (TimeSpan?)null : TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

        /// <summary>Notes an answer's <c>Date</c> (null: none sent) against the local time it arrived.</summary>
        public void Observe(DateTimeOffset? date, DateTimeOffset arrivedAt)
        {
            if (date == null) return;
            Interlocked.Exchange(ref offsetTicks, (date.Value - arrivedAt).Ticks);
            Volatile.Write(ref observed, 1);
        }

        /// <summary>A local moment on Dintero's clock, as far as the answers tell; null when no answer had a <c>Date</c>.</summary>
        public DateTimeOffset? ToServerTime(DateTimeOffset local) => Offset is { } offset ? local + offset : (DateTimeOffset?)null;
    }
}
