using System.Collections.Generic;
using Dintero.Connections.Templates;

namespace Dintero.Connections.Completion
{
    /// <summary>Completes Get-DinteroSignupTemplate -Kind with the template kinds (the engine's TemplateKinds, the one list of them).</summary>
    public sealed class TemplateKindCompleter : ValueListCompleter
    {
        protected override IEnumerable<string> Values => TemplateKinds.Names;

        protected override string Describe(string value) => $"the sheet of a {value} signup";
    }
}
