using System;
using System.Management.Automation;
using Dintero.Connections.Completion;
using Dintero.Connections.Errors;
using Dintero.Connections.Session;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Base of the cmdlets that call the API: the account (by parameter, by property name from the pipeline, or
    /// the connected one) and the context (by -Connection, or the session's).
    /// </summary>
    public abstract class DinteroApiCmdlet : DinteroCmdlet
    {
        /// <summary>The account to act on; defaults to the connected account.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("account_id", "aid")]
        [ArgumentCompleter(typeof(AccountIdCompleter))]
        public string? AccountId { get; set; }

        /// <summary>A context from Connect-Dintero -PassThru, instead of the session's.</summary>
        [Parameter]
        public DinteroContext? Connection { get; set; }

        /// <summary>The context to use; ends the command when there is none.</summary>
        protected DinteroContext RequireContext()
        {
            var context = Connection ?? Session.Current;
            if (context == null || !context.IsConnected)
            {
                var message = Connection != null
                    ? "The context given with -Connection was closed by Disconnect-Dintero. Run Connect-Dintero again."
                    : "Not connected to Dintero. Run Connect-Dintero first, or pass a context with -Connection.";
                var record = new ErrorRecord(new InvalidOperationException(message), "Dintero.NotConnected", ErrorCategory.ConnectionError, null)
                {
                    ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Connect-Dintero -AccountId T12345678 -Credential (Get-Credential)" },
                };
                ThrowTerminatingError(record);
            }
            return context!;
        }

        /// <summary>The account for this item: the parameter, else <paramref name="fromInput"/>, else the context's.</summary>
        protected string ResolveAccountId(DinteroContext context, string? fromInput = null)
        {
            var accountId = !string.IsNullOrWhiteSpace(AccountId) ? AccountId!.Trim() : fromInput ?? context.AccountId;
            var problem = Validation.AccountId.Check(accountId, "AccountId");
            if (problem != null) throw new DinteroValidationException("The account id", new[] { problem });
            return accountId;
        }
    }
}
