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
    /// whose log lines reach Verbose/Debug/Warning while they run, exceptions turned into ErrorRecords, and the one way
    /// its Debug, Verbose and Warning lines are written (<see cref="StreamRoutes"/>): never a prompt the caller did not
    /// ask for, and before a line or an error that ends the command, the command's <see cref="Ending"/>.
    /// </summary>
    /// <remarks>
    /// PowerShell reads this assembly's public types and their parameters before the module's initializer has hooked
    /// up the engine's loader (see Loading/DependencyLoader). So no member of a public type here may name an engine
    /// type; the engine appears only in method bodies and non-public members, which run after the import.
    /// </remarks>
    public abstract class DinteroCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource cancellation = new CancellationTokenSource();
        private CommandLines? lines;
        private bool ending;

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

        /// <summary>
        /// What the command does before it ends early (its batch's outcomes, its summary), told whether its streams still
        /// take writes; null for nothing.
        /// </summary>
        internal Action<bool, bool, string?>? Ending { get; set; }

        /// <summary>
        /// Runs <see cref="Ending"/> once, before the write that ends the command (or once an exception is ending it);
        /// true when it ran now, false when the command was ending already (a line that would end it again is then dropped:
        /// nothing may cut the ending short).
        /// </summary>
        /// <param name="streamsOpen">False when the pipeline is stopping: nothing more can be written to a stream.</param>
        /// <param name="quiet">True when the command ends as asked (Select-Object -First had enough): no summary on the host.</param>
        /// <param name="reason">What ends it, for the summary ("Stopped by ..."); null when the batch knows better.</param>
        internal bool EndFirst(bool streamsOpen = true, bool quiet = false, string? reason = null)
        {
            if (ending) return false;
            ending = true;
            Ending?.Invoke(streamsOpen, quiet, reason);
            return true;
        }

        /// <summary>Ends the command's work for an exception that is ending it, before it goes on up: see <see cref="EndFirst"/>.</summary>
        internal void EndBecauseOf(Exception exception) =>
            // Select-Object -First stops the commands before it: they had what was wanted. Windows PowerShell and older 7s
            // throw StopUpstreamCommandsException at the write it took; 7.6 a PipelineStoppedException while the pipeline
            // is not stopping (Ctrl+C sets Stopping).
            EndFirst(streamsOpen: !Stopping, quiet: AskedToStop(exception),
                reason: exception is PipelineStoppedException ? null : $"Stopped by {exception.GetType().Name}");

        /// <summary>True when <paramref name="exception"/> is the pipeline asking this command to stop because what came after it had enough.</summary>
        internal bool AskedToStop(Exception exception) =>
            exception.GetType().Name == "StopUpstreamCommandsException" || exception is PipelineStoppedException && !Stopping;

        /// <summary>Where this command's lines go, read from what the caller asked for when first needed, on the pipeline thread.</summary>
        internal CommandLines Lines => lines ??= new CommandLines(this);

        /// <summary>True once the command has begun to end early (<see cref="EndFirst"/>).</summary>
        internal bool IsEnding => ending;

        /// <summary>A Verbose line, written where it will not prompt (<see cref="CommandLines"/>).</summary>
        public new void WriteVerbose(string text) => Lines.Say(Logging.DinteroLogLevel.Verbose, text);

        /// <summary>A Debug line, written where it will not prompt.</summary>
        public new void WriteDebug(string text) => Lines.Say(Logging.DinteroLogLevel.Debug, text);

        /// <summary>A warning, written where it will not prompt; one that ends the command (-WarningAction Stop) lets the command end its work first.</summary>
        public new void WriteWarning(string text) => Lines.Say(Logging.DinteroLogLevel.Warning, text);

        /// <summary>An error; one that ends the command (-ErrorAction Stop) lets the command end its work first.</summary>
        public new void WriteError(ErrorRecord record)
        {
            if (Lines.Routes.ErrorEnds) EndFirst();
            base.WriteError(record);
        }

        /// <summary>Writes a line to its own stream, as routed by <see cref="CommandLines"/>: 0 Debug, 1 Verbose, 2 Warning.</summary>
        internal void WriteLine(int stream, string text)
        {
            switch (stream)
            {
                case 0: base.WriteDebug(text); break;
                case 1: base.WriteVerbose(text); break;
                default: base.WriteWarning(text); break;
            }
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
