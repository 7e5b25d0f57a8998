using System;
using System.Management.Automation;

namespace Dintero.Connections.Errors
{
    /// <summary>Turns the engine's exceptions into ErrorRecords, as <see cref="ErrorReport"/> decides.</summary>
    internal static class ErrorRecords
    {
        /// <param name="exception">What went wrong.</param>
        /// <param name="target">The caller's input, kept whole as the TargetObject (scripts retry failed rows from it).</param>
        /// <param name="targetName">What the error view prints as the target instead of the input's text (<see cref="ErrorReport.TargetName"/>).</param>
        /// <param name="context">Put before the message, e.g. "Pipeline item 3".</param>
        public static ErrorRecord From(Exception exception, object? target, string targetName, string? context = null) =>
            From(exception, target, targetName, context, out _);

        /// <param name="exception">What went wrong.</param>
        /// <param name="target">The caller's input, kept whole as the TargetObject.</param>
        /// <param name="targetName">What the error view prints as the target.</param>
        /// <param name="context">Put before the message, e.g. "Pipeline item 3".</param>
        /// <param name="endsCommand">True when nothing more of the command can run (<see cref="ErrorReport.EndsCommand"/>).</param>
        public static ErrorRecord From(Exception exception, object? target, string targetName, string? context, out bool endsCommand)
        {
            // Every error the module writes is a DinteroException, whatever went wrong.
            var error = ErrorReport.Wrapped(exception);
            var report = ErrorReport.From(error);
            endsCommand = report.EndsCommand;
            // RecordCategory has PowerShell's ErrorCategory values (checked by a module test).
            var record = new ErrorRecord(error, report.ErrorId, (ErrorCategory)(int)report.Category, target);
            record.CategoryInfo.TargetName = targetName;
            record.ErrorDetails = new ErrorDetails(context == null ? report.Message : context + ": " + report.Message)
            {
                RecommendedAction = report.RecommendedAction,
            };
            return record;
        }
    }
}
