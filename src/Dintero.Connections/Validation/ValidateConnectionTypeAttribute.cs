using System.Collections;
using System.Management.Automation;
using Dintero.Connections.Connections;
using Dintero.Connections.Errors;

namespace Dintero.Connections.Validation
{
    /// <summary>
    /// Checks -Type against the connection kinds the engine knows (any case), with a "did you mean" for a mistyped one,
    /// when PowerShell binds the argument: the kinds are listed once, in ConnectionType.All.
    /// </summary>
    public sealed class ValidateConnectionTypeAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var values = arguments is IEnumerable many && !(arguments is string) ? many : new[] { arguments };
            foreach (var value in values)
            {
                try
                {
                    ConnectionKinds.Named(value?.ToString());
                }
                catch (DinteroValidationException exception)
                {
                    throw new ValidationMetadataException(exception.Problems[0].Message);
                }
            }
        }
    }
}
