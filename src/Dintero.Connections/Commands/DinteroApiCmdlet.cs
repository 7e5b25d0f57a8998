using System;
using System.Management.Automation;
using Dintero.Connections.Completion;
using Dintero.Connections.Errors;
using Dintero.Connections.Output;
using Dintero.Connections.Session;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Base of the cmdlets that call the API: the account (by parameter, by property name from the pipeline, or
    /// the connected one) and the context (by -Context, or the session's).
    /// </summary>
    public abstract class DinteroApiCmdlet : DinteroCmdlet
    {
        /// <summary>The account to act on; defaults to the connected account.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("account_id", "aid")]
        [ValidateAccountId]
        [ArgumentCompleter(typeof(AccountIdCompleter))]
        public string? AccountId { get; set; }

        /// <summary>A context from Connect-Dintero -PassThru, instead of the session's.</summary>
        [Parameter]
        public DinteroContext? Context { get; set; }

        /// <summary>How many requests for pipeline input may be in flight at once; output keeps the input's order.</summary>
        [Parameter]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        /// <summary>A few requests at once: most of a signup's time is Dintero's latency, and 429s slow the whole batch.</summary>
        public const int DefaultThrottleLimit = 4;

        /// <summary>More would only earn 429s from Dintero.</summary>
        public const int MaxThrottleLimit = 32;

        private int pipelineIndex;

        /// <summary>The context to use; ends the command when there is none.</summary>
        protected DinteroContext RequireContext()
        {
            var context = Context ?? RunspaceSession.Current.Context;
            if (context == null || !context.IsConnected)
            {
                var message = Context != null
                    ? "The context given with -Context was closed by Disconnect-Dintero. Run Connect-Dintero again."
                    : "Not connected to Dintero. Run Connect-Dintero first, or pass a context with -Context.";
                var record = new ErrorRecord(new InvalidOperationException(message), "Dintero.NotConnected", ErrorCategory.ConnectionError, null)
                {
                    ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Connect-Dintero -AccountId T12345678 -Credential (Get-Credential)" },
                };
                ThrowTerminatingError(record);
            }
            return context!;
        }

        /// <summary>
        /// The item this ProcessRecord works on: its position among the pipeline input (none when given by parameter,
        /// where there is nothing to tell apart) and the account given by -AccountId, if any.
        /// </summary>
        private protected PipelineItem NextItem(object? input = null) =>
            new PipelineItem(input, MyInvocation.ExpectingInput ? pipelineIndex++ : (int?)null, AccountId);

        /// <summary>The account for this item: the parameter, else <paramref name="fromInput"/>, else the context's.</summary>
        /// <exception cref="DinteroValidationException">The account id taken from the input is malformed.</exception>
        protected string ResolveAccountId(DinteroContext context, object? fromInput = null)
        {
            if (!string.IsNullOrWhiteSpace(AccountId)) return AccountId!.Trim();
            var given = Convert.ToString(fromInput, System.Globalization.CultureInfo.InvariantCulture)?.Trim();
            if (string.IsNullOrEmpty(given)) return context.AccountId;
            var problem = AccountIdFormat.Check(given, "AccountId");
            if (problem != null) throw new DinteroValidationException("The account id", new[] { problem });
            return given!;
        }
    }
}
