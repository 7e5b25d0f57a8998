using System.Management.Automation;
using Dintero.Connections.Completion;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Errors;
using Dintero.Connections.Models;
using Dintero.Connections.Validation;
using Dintero.Connections.Waiting;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Follows seller approvals to the end: reads each seller's case under the platform's account (the one piped in, by
    /// its id, else the seller's newest) until it is ACTIVE, and writes it as soon as it is. A case that ends DECLINED, TERMINATED, ERROR or ARCHIVED, or is still open
    /// when -Timeout runs out, is an error of its own that names the last status. Sellers come from the pipeline
    /// (New-DinteroPayoutDestination's output, or sheet rows with payout_destination_id) or by parameter.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "DinteroPayoutDestination")]
    [OutputType(typeof(PayoutDestination))]
    public sealed class WaitDinteroPayoutDestinationCommand : DinteroCaseWaitCmdlet<PayoutDestination>
    {
        /// <summary>The seller's payout destination id; bound by property name from piped sellers and rows.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("payout_destination_id")]
        [ArgumentCompleter(typeof(NoValueCompleter))]
        public string? PayoutDestinationId { get; set; }

        private protected override string Activity => "Waiting for sellers to be ACTIVE";

        private protected override BatchCall<PayoutDestination>? Plan(BatchItem item)
        {
            var accountId = item.ResolveAccount();
            if (string.IsNullOrWhiteSpace(PayoutDestinationId))
            {
                throw new DinteroValidationException(item.Label == null ? "The input" : "The row", new[] { new ValidationProblem("PayoutDestinationId", "is required: the seller's payout_destination_id.") });
            }
            return BatchCall.Read(Watch.WaitFor(Follow.PayoutDestination(item.Api, accountId, PayoutDestinationId!.Trim(), CaseIdOf(item))));
        }
    }
}
