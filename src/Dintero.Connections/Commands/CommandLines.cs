using System;
using System.Management.Automation;
using Dintero.Connections.Logging;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// The one writer of a command's Debug, Verbose and Warning lines, and the keeper of its ending: each line goes where
    /// the caller's preferences put it without a prompt (the engine's <see cref="StreamRoutes"/>), and before a line that
    /// ends the command (its preference is Stop) the command ends its work first (<see cref="DinteroCmdlet.EndFirst"/>).
    /// </summary>
    /// <remarks>Apart from <see cref="DinteroCmdlet"/>, whose members may name no engine type (see its remarks).</remarks>
    internal sealed class CommandLines
    {
        private readonly DinteroCmdlet cmdlet;

        /// <summary>Read on the pipeline thread, when the command first needs them.</summary>
        public CommandLines(DinteroCmdlet cmdlet)
        {
            this.cmdlet = cmdlet;
            Routes = CallerStreams.Read(cmdlet);
        }

        public StreamRoutes Routes { get; }

        public void Say(DinteroLogLevel level, string text)
        {
            // Once the pipeline is stopping, no stream takes a line; the ending goes on without them.
            if (cmdlet.IsEnding && cmdlet.Stopping) return;
            if (Routes.RouteOf(level) == StreamRoute.HostInformation)
            {
                cmdlet.WriteInformation(new HostInformationMessage { Message = StreamRoutes.Prefix(level) + text, ForegroundColor = ConsoleColor.Yellow }, new[] { "PSHOST", StreamRoutes.Tag(level) });
                return;
            }
            if (Routes.Ends(level) && !cmdlet.EndFirst(reason: $"Stopped by a {level.ToString().ToLowerInvariant()} line, as {(level == DinteroLogLevel.Warning ? "-WarningAction" : "$" + level + "Preference")} 'Stop' asks")) return;
            cmdlet.WriteLine(level == DinteroLogLevel.Debug ? 0 : level == DinteroLogLevel.Verbose ? 1 : 2, text);
        }
    }
}
