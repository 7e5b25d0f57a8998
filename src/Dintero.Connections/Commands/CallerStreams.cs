using System;
using System.Management.Automation;
using Dintero.Connections.Logging;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Reads what a command's caller asked of its streams (the common parameters given, the preference variables of the
    /// caller's scope, the edition) into the engine's <see cref="StreamRoutes"/>, which decides as PowerShell's
    /// MshCommandRuntime does.
    /// </summary>
    internal static class CallerStreams
    {
        public static StreamRoutes Read(PSCmdlet cmdlet)
        {
            var bound = cmdlet.MyInvocation.BoundParameters;
            bool? Switch(string name) => bound.TryGetValue(name, out var value) ? LanguagePrimitives.IsTrue(value) : (bool?)null;
            StreamAction? Action(string name) => bound.TryGetValue(name, out var value) ? ToAction(value) : null;
            StreamAction? Variable(string name)
            {
                try
                {
                    return ToAction(cmdlet.GetVariableValue(name));
                }
                catch (Exception)
                {
                    // A preference variable that cannot be read leaves PowerShell's default.
                    return null;
                }
            }
            // Windows PowerShell's engine is System.Management.Automation 3.0.0.0; PowerShell 7's carries its own version.
            var windowsPowerShell = typeof(PSObject).Assembly.GetName().Version.Major < 6;
            return new StreamRoutes(windowsPowerShell, Switch("Debug"), Switch("Verbose"), Action("ErrorAction"), Action("WarningAction"), Action("InformationAction"), Variable);
        }

        private static StreamAction? ToAction(object? value)
        {
            switch (value is PSObject wrapped ? wrapped.BaseObject : value)
            {
                case ActionPreference preference: return (StreamAction)(int)preference;
                case string text when Enum.TryParse<ActionPreference>(text, ignoreCase: true, out var parsed): return (StreamAction)(int)parsed;
                case int number: return (StreamAction)number;
                default: return null;
            }
        }
    }
}
