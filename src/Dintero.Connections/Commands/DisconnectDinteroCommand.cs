using System.Management.Automation;
using Dintero.Connections.Session;

namespace Dintero.Connections.Commands
{
    /// <summary>Closes the session's connection (or the one given) and forgets the tokens it was issued.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Dintero")]
    [OutputType(typeof(DinteroContext))]
    public sealed class DisconnectDinteroCommand : DinteroCmdlet
    {
        /// <summary>A context from Connect-Dintero -PassThru; default: the session's.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        public DinteroContext? Context { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var closed = RunspaceSession.Current.Disconnect(Context);
            if (closed == null)
            {
                WriteVerbose("Not connected to Dintero: nothing to disconnect.");
                return;
            }
            WriteVerbose($"Disconnected from {closed}.");
            if (PassThru) WriteObject(closed);
        }
    }
}
