using System.Management.Automation;
using Dintero.Connections.Binding;
using Dintero.Connections.Clients;
using Dintero.Connections.Completion;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Models;
using Dintero.Connections.Rows;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Makes an API client for a merchant's shop, in two steps Dintero needs (the client, then its grant for the account
    /// with the checkout admin scope), never leaving a client without a grant; safe to run again (the engine's
    /// ApiClientSpec). The secret Dintero shows once comes out once, as the output's Credential (a PSCredential); it is
    /// in no view, report, log or error.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DinteroApiClient", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ApiClient))]
    public sealed class NewDinteroApiClientCommand : DinteroCreatorCmdlet<ApiClientWithSecret>
    {
        /// <summary>What Backoffice shows, e.g. 'Web shop'; the client's id is made of it and the account (web-shop-t11200001).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        /// <summary>The grant's scopes; default admin:checkout. A sheet's cell may list several with ';'.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ScopeCompleter))]
        public string[]? Scope { get; set; }

        /// <summary>How the client gets tokens: client_credentials (its own id and secret, the default), password or authorization_code.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("grant_type")]
        [ArgumentCompleter(typeof(GrantTypeCompleter))]
        public string? GrantType { get; set; }

        /// <summary>A record from the pipeline: a row, a hashtable or an object whose account_id (and other properties) this command takes, or an account id.</summary>
        [Parameter(ValueFromPipeline = true)]
        public object? InputObject { get; set; }

        private protected override object? PipelineInput => InputObject;

        private protected override bool StringRecordIsAccountId => true;

        private protected override string Activity => "Making API clients";

        private protected override CreatorRun<ApiClientWithSecret> StartRun()
        {
            // Read through a local, so the lambda lives in a class of its own and not as a member of this type: PowerShell
            // reads this type's members before the engine, where ApiClientRequest is, can load (see DinteroCmdlet).
            var command = this;
            return CreatorRun.Of(this, api => new ApiClientSpec(api), (item, accountId) =>
            {
                var request = new ApiClientRequest(command.Name, command.Description, Cells.Of(command.Scope), command.GrantType);
                // Before its checks: a refused row's report says what it asked for.
                item.Asked = request;
                request.Checked();
                return (request, $"Make the API client '{request.Name}' with a {request.GrantType} grant for {string.Join(", ", request.Scopes)}");
            });
        }

        // The secret with the client, before anything of its record that can fail; one the output did not take is named
        // on the host and in the row's report.
        private protected override void WriteMade(ApiClientWithSecret made, BatchItem item) =>
            ApiClientOutput.Deliver(this, made.Client, made.Secret!, (message, action) => SayInReport(item, message, action));

        private protected override void MadeNotWritten(ApiClientWithSecret made, BatchItem item) =>
            ApiClientOutput.NotDelivered(this, made.Client, (message, action) => SayInReport(item, message, action));
    }
}
