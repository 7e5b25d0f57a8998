using System.Management.Automation;

namespace Dintero.Connections.Validation
{
    /// <summary>
    /// Checks an -AccountId argument when PowerShell binds it, with the contracts' <see cref="AccountIdFormat"/>, so a
    /// mistyped id is refused before the cmdlet runs (and a bad row piped in is refused alone, the others go on).
    /// </summary>
    public sealed class ValidateAccountIdAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var problem = AccountIdFormat.Check(arguments as string ?? arguments?.ToString(), "AccountId");
            if (problem != null) throw new ValidationMetadataException(problem.Message);
        }
    }
}
