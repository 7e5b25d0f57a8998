using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Http;
using Dintero.Connections.Models;
using Dintero.Connections.Rows;

namespace Dintero.Connections.Approvals
{
    /// <summary>
    /// A seller's application (payout destination) as an <see cref="ApprovalSpec{TSignup, TCase}"/>: one per payout destination id
    /// under the platform's account. A seller whose case has not ended is skipped; an input that names one seller twice sends
    /// it once. A lost answer is read back through Dintero's payout_destination_id filter.
    /// </summary>
    public sealed class PayoutDestinationSpec : ApprovalSpec<PayoutDestinationSignup, PayoutDestination>
    {
        public PayoutDestinationSpec(DinteroApi api)
            : base(api)
        {
        }

        public override string Named(CheckedApproval<PayoutDestinationSignup> ask) => "its application";

        public override string Repeated(string accountId, CheckedApproval<PayoutDestinationSignup> ask) =>
            $"the seller {ask.Approval.payout_destination_id} under account {accountId}";

        public override string This => "this seller's application";

        public override string ReadsBack(CheckedApproval<PayoutDestinationSignup> ask) => $"the seller approvals of {ask.Approval.payout_destination_id}";

        public override string Unsettled(string accountId, CheckedApproval<PayoutDestinationSignup> ask) =>
            $"Read the seller's cases with Get-DinteroPayoutDestination -AccountId {accountId} -PayoutDestinationId {ask.Approval.payout_destination_id} before applying again.";

        public override string ClaimKey(string accountId, CheckedApproval<PayoutDestinationSignup> ask) => accountId + "/" + ask.Approval.payout_destination_id;

        public override string SkipReason(string accountId, CheckedApproval<PayoutDestinationSignup> ask, PayoutDestination existing) =>
            $"the seller {existing.payout_destination_id} has a case under account {accountId} already ({existing.case_status}, case {existing.id}); -Force applies again";

        protected override Task<IReadOnlyList<PayoutDestination>> ListAsync(string accountId, CheckedApproval<PayoutDestinationSignup> ask, CancellationToken cancellationToken) =>
            Api.ListPayoutDestinationsAsync(accountId, ask.Approval.payout_destination_id, null, cancellationToken);

        protected override Task<PayoutDestination> CreateAsync(string accountId, CheckedApproval<PayoutDestinationSignup> ask, CancellationToken cancellationToken) =>
            Api.CreatePayoutDestinationAsync(accountId, ask, cancellationToken);

        // Dintero's filter answers by the seller's id; a case of another seller is none of the row's all the same.
        protected override bool IsOfKey(CheckedApproval<PayoutDestinationSignup> ask, PayoutDestination listed) => listed.payout_destination_id == ask.Approval.payout_destination_id;

        protected override bool IsOfSent(CheckedApproval<PayoutDestinationSignup> ask, PayoutDestination listed) => IsOfKey(ask, listed);

        public override string SendAgain(bool force) => force
            ? "Apply again with -Force, as this run was: the seller's cases were left as they were."
            : "Run the same input again: it sends this seller's application.";

        public override string ReportTypeName => "Dintero.Connections.PayoutDestinationReport";

        public override IReadOnlyList<string> Columns { get; } = new[] { "payout_destination_id", "case_status", "id", "contract_url" };

        public override IEnumerable<object?> Cells(CheckedApproval<PayoutDestinationSignup>? ask, PayoutDestination? made, Exception? failure) =>
            new object?[] { ask?.Approval.payout_destination_id ?? made?.payout_destination_id, made?.case_status, made?.id, made?.contract_url };
    }
}
