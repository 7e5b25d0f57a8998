using System;

namespace Dintero.Connections.Logging
{
    /// <summary>PowerShell's ActionPreference, by value (the engine does not reference System.Management.Automation).</summary>
    public enum StreamAction
    {
        SilentlyContinue = 0,
        Stop = 1,
        Continue = 2,
        Inquire = 3,
        Ignore = 4,
        Suspend = 5,
        Break = 6,
    }

    /// <summary>Where one of the module's lines is written.</summary>
    public enum StreamRoute
    {
        /// <summary>Its own stream (Debug, Verbose, Warning), as PowerShell decides from there.</summary>
        Own,

        /// <summary>
        /// The Information stream as Write-Host writes (shown, kept by -InformationVariable and 6&gt;), prefixed with its
        /// stream's name: the line's own stream would turn it into a prompt only because of -Debug.
        /// </summary>
        HostInformation,
    }

    /// <summary>
    /// What PowerShell does with a compiled cmdlet's lines, decided once per command from what the caller asked for
    /// (-Debug, -Verbose, -ErrorAction, -WarningAction, -InformationAction, and the preference variables of the caller's
    /// scope), as MshCommandRuntime decides it, so that the module writes no line that PowerShell turns into a prompt
    /// the caller did not ask for, and knows before writing a line or an error whether it ends the command.
    /// </summary>
    /// <remarks>
    /// MshCommandRuntime (PowerShell 7.6; Windows PowerShell 5.1 as in the first commit of PowerShell/PowerShell, which
    /// holds its source): -Debug makes a compiled cmdlet's VerbosePreference and WarningPreference Inquire (unless -Verbose
    /// or -WarningAction is given too), in 5.1 and in 7; in 5.1 its DebugPreference is Inquire as well (PowerShell 6.2 made
    /// it Continue, #8195), and its ErrorAction too, while -Verbose makes 5.1's ErrorAction Continue over
    /// $ErrorActionPreference (PowerShell 6.0 dropped both, #5113). A prompt in a host that cannot ask (pwsh
    /// -NonInteractive, a runbook) fails the command. The module's lines that would prompt because of -Debug are written
    /// as host information instead (<see cref="StreamRoute.HostInformation"/>); an error keeps PowerShell's own way.
    /// </remarks>
    public sealed class StreamRoutes
    {
        private readonly bool debugFlagInquires;
        private readonly bool verboseFromDebug;
        private readonly bool warningFromDebug;

        /// <param name="windowsPowerShell">True in Windows PowerShell 5.1 (Desktop edition), false in PowerShell 6 and later.</param>
        /// <param name="debug">-Debug as given (or from $PSDefaultParameterValues); null when not given.</param>
        /// <param name="verbose">-Verbose as given; null when not given.</param>
        /// <param name="errorAction">-ErrorAction as given; null when not given.</param>
        /// <param name="warningAction">-WarningAction as given; null when not given.</param>
        /// <param name="informationAction">-InformationAction as given; null when not given.</param>
        /// <param name="variables">The preference variables of the caller's scope, by name ($ErrorActionPreference, ...); null when unset or unreadable.</param>
        public StreamRoutes(bool windowsPowerShell, bool? debug, bool? verbose, StreamAction? errorAction, StreamAction? warningAction, StreamAction? informationAction, Func<string, StreamAction?> variables)
        {
            var debugOn = debug == true;
            var verboseOn = verbose == true;
            Debug = debug.HasValue
                ? debugOn ? (windowsPowerShell ? StreamAction.Inquire : StreamAction.Continue) : StreamAction.SilentlyContinue
                : variables("DebugPreference") ?? StreamAction.SilentlyContinue;
            debugFlagInquires = debugOn && windowsPowerShell;
            if (verbose.HasValue) Verbose = verboseOn ? StreamAction.Continue : StreamAction.SilentlyContinue;
            else if (debugOn)
            {
                Verbose = StreamAction.Inquire;
                verboseFromDebug = true;
            }
            else Verbose = variables("VerbosePreference") ?? StreamAction.SilentlyContinue;
            if (warningAction.HasValue) Warning = warningAction.Value;
            else if (debugOn)
            {
                Warning = StreamAction.Inquire;
                warningFromDebug = true;
            }
            else if (verboseOn) Warning = StreamAction.Continue;
            else Warning = variables("WarningPreference") ?? StreamAction.Continue;
            if (errorAction.HasValue) Error = errorAction.Value;
            else if (windowsPowerShell && debugOn) Error = StreamAction.Inquire;
            else if (windowsPowerShell && verboseOn) Error = StreamAction.Continue;
            else Error = variables("ErrorActionPreference") ?? StreamAction.Continue;
            Information = informationAction ?? variables("InformationPreference") ?? StreamAction.SilentlyContinue;
        }

        /// <summary>The preference WriteDebug meets.</summary>
        public StreamAction Debug { get; }

        /// <summary>The preference WriteVerbose meets.</summary>
        public StreamAction Verbose { get; }

        /// <summary>The preference WriteWarning meets.</summary>
        public StreamAction Warning { get; }

        /// <summary>The preference WriteError meets.</summary>
        public StreamAction Error { get; }

        /// <summary>The preference WriteInformation meets.</summary>
        public StreamAction Information { get; }

        /// <summary>Where a line of this level goes: its own stream, unless that would prompt only because of -Debug.</summary>
        public StreamRoute RouteOf(DinteroLogLevel level) => level switch
        {
            DinteroLogLevel.Debug => debugFlagInquires ? StreamRoute.HostInformation : StreamRoute.Own,
            DinteroLogLevel.Verbose => verboseFromDebug ? StreamRoute.HostInformation : StreamRoute.Own,
            _ => warningFromDebug ? StreamRoute.HostInformation : StreamRoute.Own,
        };

        /// <summary>
        /// Whether a line of this level is shown or kept anywhere (so that building it is worth it): a warning is kept by
        /// -WarningVariable even when SilentlyContinue hides it, a Debug or Verbose line only when its stream shows it.
        /// </summary>
        public bool Wants(DinteroLogLevel level) =>
            RouteOf(level) == StreamRoute.HostInformation
            || (level == DinteroLogLevel.Warning ? PreferenceOf(level) != StreamAction.Ignore : !Drops(PreferenceOf(level)));

        /// <summary>True when writing a line of this level on its route ends the command (its preference is Stop).</summary>
        public bool Ends(DinteroLogLevel level) => RouteOf(level) == StreamRoute.Own && PreferenceOf(level) == StreamAction.Stop;

        /// <summary>True when writing an error ends the command (-ErrorAction Stop, $ErrorActionPreference = 'Stop').</summary>
        public bool ErrorEnds => Error == StreamAction.Stop;

        /// <summary>The prefix a line written as host information carries, as its own stream would show it.</summary>
        public static string Prefix(DinteroLogLevel level) => level switch
        {
            DinteroLogLevel.Debug => "DEBUG: ",
            DinteroLogLevel.Verbose => "VERBOSE: ",
            _ => "WARNING: ",
        };

        /// <summary>The tag of a line written as host information, for -InformationVariable filters.</summary>
        public static string Tag(DinteroLogLevel level) => "Dintero." + level;

        private StreamAction PreferenceOf(DinteroLogLevel level) => level switch
        {
            DinteroLogLevel.Debug => Debug,
            DinteroLogLevel.Verbose => Verbose,
            _ => Warning,
        };

        private static bool Drops(StreamAction preference) => preference == StreamAction.SilentlyContinue || preference == StreamAction.Ignore;
    }
}
