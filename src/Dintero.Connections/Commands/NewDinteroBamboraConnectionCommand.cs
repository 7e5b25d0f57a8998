using System.Management.Automation;
using Dintero.Connections.Models;
using Dintero.Connections.Session;

namespace Dintero.Connections.Commands
{
    /// <summary>Creates the account's Bambora connection. Deprecated by Dintero: new merchants get Bambora through the Common signup.</summary>
    [Cmdlet(VerbsCommon.New, "DinteroBamboraConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(BamboraConnection))]
    public sealed class NewDinteroBamboraConnectionCommand : NewDinteroConnectionCmdlet<BamboraConnectionSignup, BamboraConnection>
    {
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            // Dintero's changelog of 2023-09-01 deprecates this endpoint; said once per session, not per merchant.
            if (RunspaceSession.Current.FirstTime("bambora-deprecated"))
            {
                WriteWarning("Dintero has deprecated the Bambora signup endpoint (changelog 2023-09-01). For new merchants, use New-DinteroCommonConnection with bambora.* payment options, e.g. @{ payment_options = @{ type = 'bambora.creditcard'; currencies = 'NOK' }; store_type = 'online' }.");
            }
        }
    }
}
