using System.Management.Automation;
using Dintero.Connections.Clients;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Models;

namespace Dintero.Connections.Commands
{
    /// <summary>Deletes an API client: its credentials stop working, and its tokens with them.</summary>
    [Cmdlet(VerbsCommon.Remove, "DinteroApiClient", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(ApiClient))]
    public sealed class RemoveDinteroApiClientCommand : DinteroRecordCmdlet<ApiClient>
    {
        /// <summary>The client's id (a UUID), e.g. from Get-DinteroApiClient piped in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        /// <summary>Writes the deleted client.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected override string Activity => "Removing API clients";

        private protected override BatchCall<ApiClient>? Plan(BatchItem item)
        {
            var accountId = item.ResolveAccount();
            var id = ClientIds.Checked(Id);
            return BatchCall.Change($"Remove API client {id}: its credentials stop working", token => item.Api.DeleteApiClientAsync(accountId, id, token));
        }

        private protected override void WriteResult(ApiClient result, BatchItem item)
        {
            if (PassThru) base.WriteResult(result, item);
        }
    }
}
