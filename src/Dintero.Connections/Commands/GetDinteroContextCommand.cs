using System.Management.Automation;
using Dintero.Connections.Session;

namespace Dintero.Connections.Commands
{
    /// <summary>Shows the session's connection: account, test or production, base URI, client id, token expiry.</summary>
    [Cmdlet(VerbsCommon.Get, "DinteroContext")]
    [OutputType(typeof(DinteroContext))]
    public sealed class GetDinteroContextCommand : DinteroCmdlet
    {
        protected override void ProcessRecord()
        {
            var context = RunspaceSession.Current.Context;
            if (context == null) WriteVerbose("Not connected to Dintero. Run Connect-Dintero.");
            else WriteObject(context);
        }
    }
}
