using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Dintero.Connections.Binding;
using Dintero.Connections.Clients;
using Dintero.Connections.Completion;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Models;
using Dintero.Connections.Signups;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Makes an API client for a merchant's shop, in two steps Dintero needs (the client, then its grant for the account
    /// with the checkout admin scope), never leaving a client without a grant; safe to run again (the engine's
    /// ApiClientSetup). The secret Dintero shows once comes out once, as the output's Credential (a PSCredential); it is
    /// in no view, report, log or error.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DinteroApiClient", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ApiClient))]
    public sealed class NewDinteroApiClientCommand : DinteroRecordCmdlet<ApiClientOutcome>
    {
        private const string SkippedCondition = "Rows skipped because their account has the client with its grant already, or an earlier row makes it";
        private ReportedClientRun? run;

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

        /// <summary>Makes the client whatever exists: another client of this name, with an id of Dintero's.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>A variable that gets the run's report: one row per input, with its outcome; never a secret.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ReportVariable { get; set; }

        private protected override string Activity => "Making API clients";

        private protected override BatchReport<ApiClientOutcome> StartReport() =>
            run = new ReportedClientRun(Force, MyInvocation.MyCommand.Name, ReportVariable, SessionState);

        private protected override BatchCall<ApiClientOutcome>? Plan(BatchItem item)
        {
            var accountId = item.ResolveAccount();
            var request = new ApiClientRequest(Name, Description, Cells.Of(Scope), GrantType);
            run!.Asked(item, request);
            request.Checked();
            var setup = run.For(item.Client);
            var action = $"Make the API client '{request.Name}' with a {request.GrantType} grant for {string.Join(", ", request.Scopes)}";
            if (Planning)
            {
                var planned = Run(token => setup.PlanAsync(accountId, item.Index, request, token));
                return BatchCall.Planned(planned.Outcome == RowOutcome.WouldSkip ? $"Skip the API client '{request.Name}': {planned.Reason}" : action, planned);
            }
            return BatchCall.Change(action, token => setup.CreateAsync(accountId, item.Index, request, token));
        }

        private protected override void WriteResult(ApiClientOutcome outcome, BatchItem item)
        {
            switch (outcome.Outcome)
            {
                case RowOutcome.Created:
                    // The secret first: nothing that can fail comes before it.
                    ClientCredentialOutput.Deliver(this, outcome.Client!, outcome.Secret!);
                    if (outcome.Reason != null) WriteVerbose($"{outcome.AccountId}: {outcome.Reason}.");
                    break;
                case RowOutcome.Skipped:
                    WriteRepeatedWarning(SkippedCondition, $"Skipped: {outcome.Reason}.");
                    break;
            }
        }
    }
}
