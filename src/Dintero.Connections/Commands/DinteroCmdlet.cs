using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Errors;
using Dintero.Connections.Logging;
using Dintero.Connections.Session;
using Dintero.Connections.Sessions;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// What every Dintero cmdlet shares: a cancellation source that Ctrl+C (StopProcessing) cancels, the session of
    /// the current runspace, the engine's log lines written to Verbose/Debug/Warning from the pipeline thread, and
    /// exceptions turned into ErrorRecords.
    /// </summary>
    public abstract class DinteroCmdlet : PSCmdlet, IDisposable
    {
        private CancellationTokenSource? cancellation;

        /// <summary>Cancelled when the pipeline is stopped.</summary>
        protected CancellationToken Cancellation => (cancellation ??= new CancellationTokenSource()).Token;

        /// <summary>The session of the current runspace. Read it on the pipeline thread, never inside an engine call.</summary>
        protected DinteroSession Session => RunspaceSessions.Current;

        /// <summary>The least important log level this invocation shows, from -Verbose, -Debug and the preference variables.</summary>
        protected DinteroLogLevel LogLevel { get; private set; } = DinteroLogLevel.Warning;

        protected override void BeginProcessing()
        {
            cancellation ??= new CancellationTokenSource();
            LogLevel = Wants("Debug") ? DinteroLogLevel.Debug : Wants("Verbose") ? DinteroLogLevel.Verbose : DinteroLogLevel.Warning;
        }

        protected override void StopProcessing() => cancellation?.Cancel();

        public void Dispose()
        {
            cancellation?.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>Runs an engine call to completion and writes its log lines; a stopped pipeline stops it.</summary>
        protected T Run<T>(Func<CancellationToken, Task<T>> call)
        {
            var item = Start(call);
            Complete(item);
            if (item.Failure != null) throw item.Failure;
            return item.Result!;
        }

        /// <summary>Starts an engine call off the pipeline thread; its log lines are kept for <see cref="Complete"/>.</summary>
        protected WorkItem<T> Start<T>(Func<CancellationToken, Task<T>> call, object? target = null)
        {
            var item = new WorkItem<T>(target);
            var token = Cancellation;
            var level = LogLevel;
            item.Task = Task.Run(async () =>
            {
                using (LogScope.Begin(item.Logs.Enqueue, level))
                {
                    try
                    {
                        item.Result = await call(token).ConfigureAwait(false);
                    }
                    catch (Exception exception) when (!(exception is OperationCanceledException && token.IsCancellationRequested))
                    {
                        item.Failure = exception;
                    }
                }
                return item;
            });
            return item;
        }

        /// <summary>Waits for an item on the pipeline thread and writes its log lines, in the order they came.</summary>
        protected void Complete<T>(WorkItem<T> item)
        {
            try
            {
                item.Task!.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            while (item.Logs.TryDequeue(out var entry))
            {
                switch (entry.Level)
                {
                    case DinteroLogLevel.Debug: WriteDebug(entry.Message); break;
                    case DinteroLogLevel.Verbose: WriteVerbose(entry.Message); break;
                    default: WriteWarning(entry.Message); break;
                }
            }
        }

        /// <summary>An ErrorRecord for an engine exception: category by HTTP status, stable ErrorId, Dintero's details.</summary>
        protected static ErrorRecord ToErrorRecord(Exception exception, object? target, string? context = null)
        {
            var report = ErrorReport.From(exception);
            if (!Enum.TryParse<ErrorCategory>(report.Category, out var category)) category = ErrorCategory.NotSpecified;
            var record = new ErrorRecord(exception, report.ErrorId, category, target);
            var details = context == null ? report.Message : context + ": " + report.Message;
            record.ErrorDetails = new ErrorDetails(details) { RecommendedAction = report.RecommendedAction };
            return record;
        }

        /// <summary>Ends the command: nothing can run (not connected, wrong credentials).</summary>
        protected void Terminate(Exception exception, object? target) => ThrowTerminatingError(ToErrorRecord(exception, target));

        private bool Wants(string stream)
        {
            if (MyInvocation.BoundParameters.TryGetValue(stream, out var flag) && flag is SwitchParameter chosen) return chosen.IsPresent;
            return GetVariableValue(stream + "Preference") is ActionPreference preference && preference != ActionPreference.SilentlyContinue;
        }
    }

    /// <summary>One engine call under way, with the log lines it produced and how it ended.</summary>
    public sealed class WorkItem<T>
    {
        internal WorkItem(object? target) => Target = target;

        public object? Target { get; }

        internal ConcurrentQueue<DinteroLogEntry> Logs { get; } = new ConcurrentQueue<DinteroLogEntry>();

        internal Task<WorkItem<T>>? Task { get; set; }

        public T? Result { get; internal set; }

        public Exception? Failure { get; internal set; }
    }
}
