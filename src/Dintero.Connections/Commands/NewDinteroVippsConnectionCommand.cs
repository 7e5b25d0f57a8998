using System.Management.Automation;
using Dintero.Connections.Models;
using Dintero.Connections.Output;
using Dintero.Connections.Session;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Starts the account's Vipps signup, or with -Restart starts it again when it is not enabled. Vipps takes no
    /// signup body: the answer's signup.url is where the merchant finishes the signup at Vipps (valid 30 days).
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DinteroVippsConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(VippsConnection))]
    public sealed class NewDinteroVippsConnectionCommand : DinteroApiCmdlet
    {
        private PipelineBatch<VippsConnection>? batch;

        /// <summary>Start the signup again (PUT): for a Vipps connection that is not enabled, e.g. when the link expired.</summary>
        [Parameter]
        public SwitchParameter Restart { get; set; }

        protected override void BeginProcessing()
        {
            var activity = MyInvocation.ExpectingInput ? "Starting Vipps signups" : null;
            batch = new PipelineBatch<VippsConnection>(this, ThrottleLimit, activity, Cancellation);
        }

        protected override void ProcessRecord()
        {
            var context = RequireContext();
            var item = NextItem();
            var accountId = ResolveAccountId(context);
            item.AccountId = accountId;
            var action = Restart ? "Restart the Vipps signup" : "Start the Vipps signup";
            if (!ShouldProcess($"Dintero account {accountId} ({context.Environment})", action)) return;
            var restart = Restart.IsPresent;
            batch!.Add(token => context.GetClient().StartVippsConnectionAsync(accountId, restart, token), item);
        }

        protected override void EndProcessing() => batch!.Drain();
    }
}
