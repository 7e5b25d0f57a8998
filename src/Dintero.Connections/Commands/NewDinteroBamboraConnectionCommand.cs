using System.Management.Automation;
using Dintero.Connections.Models;

namespace Dintero.Connections.Commands
{
    /// <summary>Creates the account's Bambora connection. Deprecated by Dintero: new merchants get Bambora through the Common signup.</summary>
    [Cmdlet(VerbsCommon.New, "DinteroBamboraConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(BamboraConnection))]
    public sealed class NewDinteroBamboraConnectionCommand : NewDinteroConnectionCmdlet<BamboraConnectionSignup, BamboraConnection>
    {
    }
}
