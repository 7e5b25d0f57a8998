using System;
using System.Globalization;
using System.Management.Automation;
using Dintero.Connections.Errors;
using Dintero.Connections.Templates;

namespace Dintero.Connections.Validation
{
    /// <summary>
    /// Checks a template kind when PowerShell binds it, with the engine's one lookup of them (TemplateKinds.Named), so a
    /// mistyped kind is refused with the accepted ones and the nearest.
    /// </summary>
    public sealed class ValidateTemplateKindAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            try
            {
                TemplateKinds.Named(Convert.ToString(arguments is PSObject wrapped ? wrapped.BaseObject : arguments, CultureInfo.InvariantCulture));
            }
            catch (DinteroValidationException refused)
            {
                throw new ValidationMetadataException(refused.Problems[0].Message);
            }
        }
    }
}
