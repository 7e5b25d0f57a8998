using System.Management.Automation;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Models;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Asks Dintero for a temporary link to the account's Common signup object (POST .../connections/common/signup),
    /// to hand to the merchant.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DinteroCommonSignupLink", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(CommonSignupLink))]
    public sealed class NewDinteroCommonSignupLinkCommand : DinteroRecordCmdlet<CommonSignupLink>
    {
        private protected override string Activity => "Creating Common signup links";

        private protected override BatchCall<CommonSignupLink>? Plan(BatchItem item)
        {
            var accountId = item.ResolveAccount();
            return BatchCall.Change("Create a link to the Common signup", token => item.Api.CreateCommonSignupLinkAsync(accountId, token));
        }
    }
}
