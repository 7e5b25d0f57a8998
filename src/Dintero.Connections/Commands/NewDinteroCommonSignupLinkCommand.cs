using System.Management.Automation;
using Dintero.Connections.Models;
using Dintero.Connections.Output;
using Dintero.Connections.Session;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Asks Dintero for a temporary link to the account's Common signup object (POST .../connections/common/signup),
    /// to hand to the merchant.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DinteroCommonSignupLink", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(CommonSignupLink))]
    public sealed class NewDinteroCommonSignupLinkCommand : DinteroApiCmdlet
    {
        private PipelineBatch<CommonSignupLink>? batch;

        protected override void BeginProcessing()
        {
            var activity = MyInvocation.ExpectingInput ? "Creating Common signup links" : null;
            batch = new PipelineBatch<CommonSignupLink>(this, ThrottleLimit, activity, Cancellation);
        }

        protected override void ProcessRecord()
        {
            var context = RequireContext();
            var item = NextItem();
            var accountId = ResolveAccountId(context);
            item.AccountId = accountId;
            if (!ShouldProcess($"Dintero account {accountId} ({context.Environment})", "Create a link to the Common signup")) return;
            batch!.Add(token => context.GetClient().CreateCommonSignupLinkAsync(accountId, token), item);
        }

        protected override void EndProcessing() => batch!.Drain();
    }
}
