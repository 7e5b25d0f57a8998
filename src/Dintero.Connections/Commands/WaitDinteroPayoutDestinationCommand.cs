using System;
using System.Management.Automation;
using Dintero.Connections.Approvals;
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
    public sealed class WaitDinteroPayoutDestinationCommand : DinteroRecordCmdlet<PayoutDestination>
    {
        private StatusWatch? watch;

        /// <summary>The seller's payout destination id; bound by property name from piped sellers and rows.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("payout_destination_id")]
        [ArgumentCompleter(typeof(NoValueCompleter))]
        public string? PayoutDestinationId { get; set; }

        /// <summary>How long each case may take.</summary>
        [Parameter]
        [ValidateDuration("00:00:01", "30.00:00:00")]
        public TimeSpan Timeout { get; set; } = TimeSpan.FromHours(1);

        /// <summary>The first pause between two reads of a case; later pauses grow, up to a minute.</summary>
        [Parameter]
        [ValidateDuration("00:00:00.100", "01:00:00")]
        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

        private protected override string Activity => "Waiting for sellers to be ACTIVE";

        // Every seller waits at once, written as soon as it is final; -ThrottleLimit bounds the reads in flight instead.
        private protected override BatchOptions Options =>
            new BatchOptions(int.MaxValue) { InInputOrder = false, ProgressStatus = () => Watch.Status };

        private StatusWatch Watch => watch ??= new StatusWatch(new WaitOptions { Status = CaseStatuses.Active, Timeout = Timeout, PollInterval = PollInterval }, ThrottleLimit);

        private protected override BatchCall<PayoutDestination>? Plan(BatchItem item)
        {
            var accountId = item.ResolveAccount();
            if (string.IsNullOrWhiteSpace(PayoutDestinationId))
            {
                throw new DinteroValidationException(item.Label == null ? "The input" : "The row", new[] { new ValidationProblem("PayoutDestinationId", "is required: the seller's payout_destination_id.") });
            }
            var caseId = PipedCase.IdOf<PayoutDestination>(item.Input, seller => seller.id);
            return BatchCall.Read(Watch.WaitFor(Follow.PayoutDestination(item.Api, accountId, PayoutDestinationId!.Trim(), caseId)));
        }
    }
}
