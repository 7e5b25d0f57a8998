using System.Linq;
using System.Management.Automation;
using Dintero.Connections.Clients;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Models;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Gives an API client a new secret (Dintero's rotate-secret): the old one stops working at once, so whatever uses it
    /// must be given the new one, which comes out once as the output's Credential, as New-DinteroApiClient's does.
    /// </summary>
    [Cmdlet(VerbsCommon.Reset, "DinteroApiClientSecret", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(ApiClient))]
    public sealed class ResetDinteroApiClientSecretCommand : DinteroRecordCmdlet<ApiClientWithSecret>
    {
        /// <summary>The client's id (a UUID), e.g. from Get-DinteroApiClient piped in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        private protected override string Activity => "Resetting API client secrets";

        private protected override BatchCall<ApiClientWithSecret>? Plan(BatchItem item)
        {
            var accountId = item.ResolveAccount();
            var id = ClientIds.Checked(Id);
            return BatchCall.Change($"Reset the secret of API client {id}: the old one stops working", token => SecretReset.RotateAsync(item.Api, accountId, id, token));
        }

        private protected override void WriteResult(ApiClientWithSecret reset, BatchItem item) => ApiClientOutput.Deliver(this, reset.Client, reset.Secret!);

        // A secret made while the pipeline was stopping downstream: named on the host, as one the output refused is.
        private protected override void ResultNotWritten(ApiClientWithSecret reset, BatchItem item) => ApiClientOutput.NotDelivered(this, reset.Client, null);
    }
}
