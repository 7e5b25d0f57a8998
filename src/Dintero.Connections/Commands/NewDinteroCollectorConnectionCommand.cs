using System.Management.Automation;
using Dintero.Connections.Models;

namespace Dintero.Connections.Commands
{
    /// <summary>Creates the account's Collector connection (invoice and installment payments).</summary>
    [Cmdlet(VerbsCommon.New, "DinteroCollectorConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CollectorConnection))]
    public sealed class NewDinteroCollectorConnectionCommand : NewDinteroConnectionCmdlet<CollectorConnectionSignup, CollectorConnection>
    {
    }
}
