using System;
using System.Linq;
using System.Management.Automation;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Validation
{
    /// <summary>Checks a status to wait for against the final connection statuses, the engine's one list of them (KnownValues).</summary>
    public sealed class ValidateFinalStatusAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var value = Convert.ToString(arguments is PSObject wrapped ? wrapped.BaseObject : arguments, System.Globalization.CultureInfo.InvariantCulture);
            if (KnownValues.FinalConnectionStatuses.Contains(value, StringComparer.OrdinalIgnoreCase)) return;
            throw new ValidationMetadataException(Suggestions.NotOneOf(value, KnownValues.FinalConnectionStatuses, "status a connection ends in"));
        }
    }
}
