using System.Management.Automation;
using Dintero.Connections.Models;

namespace Dintero.Connections.Commands
{
    /// <summary>Creates the account's Swish connection.</summary>
    [Cmdlet(VerbsCommon.New, "DinteroSwishConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SwishConnection))]
    public sealed class NewDinteroSwishConnectionCommand : NewDinteroConnectionCmdlet<SwishConnectionSignup, SwishConnection>
    {
    }
}
