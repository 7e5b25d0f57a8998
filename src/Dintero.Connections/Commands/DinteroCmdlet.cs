using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Errors;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// What every Dintero cmdlet shares: a cancellation source that Ctrl+C (StopProcessing) cancels, engine calls
    /// whose log lines reach Verbose/Debug/Warning while they run, and exceptions turned into ErrorRecords.
    /// </summary>
    /// <remarks>
    /// PowerShell reads this assembly's public types and their parameters before the module's initializer has hooked
    /// up the engine's loader (see Loading/DependencyLoader). So no member of a public type here may name an engine
    /// type; the engine appears only in method bodies, which run after the import.
    /// </remarks>
    public abstract class DinteroCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource cancellation = new CancellationTokenSource();

        /// <summary>Cancelled when the pipeline is stopped, or when the cmdlet is disposed with calls still in flight.</summary>
        protected CancellationToken Cancellation => cancellation.Token;

        protected override void StopProcessing() => cancellation.Cancel();

        public void Dispose()
        {
            // A pipeline cut short downstream (Select-Object -First) ends without StopProcessing: stop what is in flight.
            cancellation.Cancel();
            cancellation.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>Runs one engine call to completion on the pipeline thread, writing its log lines as they come.</summary>
        protected T Run<T>(Func<CancellationToken, Task<T>> call)
        {
            try
            {
                return BatchRunner.Run(call, new CmdletStreams<object?, T>(this), Cancellation);
            }
            catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>Ends the command: nothing can run (not connected, wrong credentials).</summary>
        protected void Terminate(Exception exception, object? target, string targetName) => ThrowTerminatingError(ErrorRecords.From(exception, target, targetName));
    }
}
