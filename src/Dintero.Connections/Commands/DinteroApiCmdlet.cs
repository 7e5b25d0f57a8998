using System;
using System.Management.Automation;
using Dintero.Connections.Completion;
using Dintero.Connections.Parameters;
using Dintero.Connections.Session;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// The parameters every cmdlet that calls the API has: the account (by parameter, by property name from the
    /// pipeline, or the connected one), the context (by -Context, or the session's) and the throttle limit.
    /// </summary>
    public abstract class DinteroApiCmdlet : DinteroCmdlet
    {
        /// <summary>The account to act on; defaults to the connected account.</summary>
        /// <remarks>
        /// Checked by the cmdlet (<see cref="Concurrency.BatchItem.ResolveAccount"/>), not by a validation attribute: a row
        /// whose account_id PowerShell refused at binding would never reach the cmdlet, and every later row's error
        /// would name the wrong row number.
        /// </remarks>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias(AccountIdNames.Column, AccountIdNames.Short)]
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

        /// <summary>The context to use; ends the command when there is none.</summary>
        protected DinteroContext RequireContext()
        {
            var context = Context ?? RunspaceSession.Current.Context;
            if (context == null || !context.IsConnected)
            {
                var message = Context != null
                    ? "The context given with -Context was closed by Disconnect-Dintero. Run Connect-Dintero again."
                    : "Not connected to Dintero. Run Connect-Dintero first, or pass a context with -Context.";
                Terminate(new Errors.DinteroAccessException(Errors.DinteroAccessFailure.NotConnected, AccountId ?? string.Empty, string.Empty, message, null), AccountId, "input");
            }
            return context!;
        }
    }
}
