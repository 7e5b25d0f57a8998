using System.Management.Automation;
using Dintero.Connections.Models;

namespace Dintero.Connections.Commands
{
    /// <summary>Creates the account's Common connection (the account's company needs an organization number first).</summary>
    [Cmdlet(VerbsCommon.New, "DinteroCommonConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CommonConnection))]
    public sealed class NewDinteroCommonConnectionCommand : NewDinteroConnectionCmdlet<CommonConnectionSignup, CommonConnection>
    {
    }
}
