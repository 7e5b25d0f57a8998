using System.Management.Automation;
using Dintero.Connections.Models;

namespace Dintero.Connections.Commands
{
    /// <summary>Creates the account's PayEx connection (card payments, payex.creditcard).</summary>
    [Cmdlet(VerbsCommon.New, "DinteroPayExConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PayExConnection))]
    public sealed class NewDinteroPayExConnectionCommand : NewDinteroConnectionCmdlet<PayExConnectionSignup, PayExConnection>
    {
    }
}
