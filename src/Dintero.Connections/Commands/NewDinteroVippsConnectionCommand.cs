using System.Management.Automation;
using Dintero.Connections.Kinds;
using Dintero.Connections.Models;
using Dintero.Connections.Rows;
using Dintero.Connections.Signups;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Starts the account's Vipps signup, or with -Restart starts it again when it is not enabled. Vipps takes no
    /// signup body: the answer's signup.url is where the merchant finishes the signup at Vipps (valid 30 days). An account
    /// whose Vipps connection is pending or enabled is skipped, unless -Force or -Restart.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DinteroVippsConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(VippsConnection))]
    public sealed class NewDinteroVippsConnectionCommand : DinteroCreatorCmdlet<VippsConnection>
    {
        /// <summary>A record from the pipeline: a row, a hashtable or an object whose account_id this command takes, or an account id.</summary>
        [Parameter(ValueFromPipeline = true)]
        public object? InputObject { get; set; }

        /// <summary>Start the signup again (PUT): for a Vipps connection that is not enabled, e.g. when the link expired.</summary>
        [Parameter]
        public SwitchParameter Restart { get; set; }

        private protected override object? PipelineInput => InputObject;

        private protected override bool StringRecordIsAccountId => true;

        private protected override string Activity => "Starting Vipps signups";

        // A restart is meant for a pending signup: it is never skipped for being one.
        private protected override bool Forced => Force || Restart;

        private protected override CreatorRun<VippsConnection> StartRun()
        {
            var restart = Restart.IsPresent;
            return CreatorRun.Of(this, api => new SignupSpec<VippsConnection>(api, ConnectionKinds.Vipps), (item, accountId) =>
                (new SignupAsk<VippsConnection>(null, token => item.Api.StartVippsConnectionAsync(accountId, restart, token)),
                    restart ? "Restart the Vipps signup" : "Start the Vipps signup"));
        }
    }
}
