using System.Management.Automation;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Models;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Starts the account's Vipps signup, or with -Restart starts it again when it is not enabled. Vipps takes no
    /// signup body: the answer's signup.url is where the merchant finishes the signup at Vipps (valid 30 days).
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DinteroVippsConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(VippsConnection))]
    public sealed class NewDinteroVippsConnectionCommand : DinteroBatchCmdlet<VippsConnection>
    {

        /// <summary>Start the signup again (PUT): for a Vipps connection that is not enabled, e.g. when the link expired.</summary>
        [Parameter]
        public SwitchParameter Restart { get; set; }

        private protected override string Activity => "Starting Vipps signups";

        private protected override BatchCall<VippsConnection>? Plan(BatchItem item)
        {
            var accountId = item.ResolveAccount();
            var restart = Restart.IsPresent;
            return BatchCall.Change(restart ? "Restart the Vipps signup" : "Start the Vipps signup", token => item.Client.StartVippsConnectionAsync(accountId, restart, token));
        }
    }
}
