using System.Collections.Generic;
using System.Management.Automation;
using Dintero.Connections.Approvals;
using Dintero.Connections.Completion;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Models;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Gets the seller approvals (payout destinations) under a platform's account: all of them, one seller's by
    /// -PayoutDestinationId (bound by property name from a sheet or New-DinteroPayoutDestination's output), filtered by
    /// -CaseStatus as Dintero filters them.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DinteroPayoutDestination")]
    [OutputType(typeof(PayoutDestination))]
    public sealed class GetDinteroPayoutDestinationCommand : DinteroRecordCmdlet<IReadOnlyList<PayoutDestination>>
    {
        /// <summary>The seller's payout destination id; all sellers when not given.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("payout_destination_id")]
        [ArgumentCompleter(typeof(NoValueCompleter))]
        public string? PayoutDestinationId { get; set; }

        /// <summary>Only cases in these statuses: ACTIVE, DECLINED, WAITING_FOR_SIGNATURE, ... (completed from Dintero's list).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(CaseStatusCompleter))]
        public string[]? CaseStatus { get; set; }

        private protected override string Activity => "Reading seller approvals";

        private protected override BatchCall<IReadOnlyList<PayoutDestination>>? Plan(BatchItem item)
        {
            var statuses = CaseStatuses.Checked(CaseStatus);
            var accountId = item.ResolveAccount();
            var seller = string.IsNullOrWhiteSpace(PayoutDestinationId) ? null : PayoutDestinationId!.Trim();
            return BatchCall.Read(token => item.Api.ListPayoutDestinationsAsync(accountId, seller, statuses, token));
        }
    }
}
