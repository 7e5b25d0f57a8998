using System;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Logging;

namespace Dintero.Connections.Concurrency
{
    /// <summary>One engine call run to completion on the owner's thread, its log lines written while it runs.</summary>
    public static class BatchRunner
    {
        public static TResult Run<TResult>(Func<CancellationToken, Task<TResult>> work, ILogOutput output, CancellationToken cancellation)
        {
            var single = new SingleOutcome<TResult>(output);
            var runner = new BatchRunner<object?, TResult>(1, single, cancellation);
            runner.Add(work, null);
            runner.Drain();
            if (single.Outcome!.Failure != null) throw single.Outcome.Failure;
            return single.Outcome.Result;
        }

        /// <summary>Keeps the one outcome of <see cref="Run"/>; progress of a single call is not worth showing.</summary>
        private sealed class SingleOutcome<TResult> : IBatchOutput<object?, TResult>
        {
            private readonly ILogOutput inner;

            public SingleOutcome(ILogOutput inner) => this.inner = inner;

            public BatchOutcome<object?, TResult>? Outcome { get; private set; }

            public bool IsLogEnabled(DinteroLogLevel level) => inner.IsLogEnabled(level);

            public void WriteLog(DinteroLogEntry entry) => inner.WriteLog(entry);

            public void WriteOutcome(BatchOutcome<object?, TResult> outcome) => Outcome = outcome;

            public void WriteProgress(BatchProgress progress)
            {
            }
        }
    }
}
