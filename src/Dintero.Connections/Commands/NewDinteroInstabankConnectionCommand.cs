using System.Management.Automation;
using Dintero.Connections.Models;

namespace Dintero.Connections.Commands
{
    /// <summary>Creates the account's Instabank connection (invoice and finance payments).</summary>
    [Cmdlet(VerbsCommon.New, "DinteroInstabankConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(InstabankConnection))]
    public sealed class NewDinteroInstabankConnectionCommand : NewDinteroConnectionCmdlet<InstabankConnectionSignup, InstabankConnection>
    {
    }
}
