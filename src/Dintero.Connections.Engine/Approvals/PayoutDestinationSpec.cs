using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Http;
using Dintero.Connections.Models;
using Dintero.Connections.Rows;

namespace Dintero.Connections.Approvals
{
    /// <summary>
    /// A seller's application (payout destination) as a <see cref="RowSpec{TAsk, TMade}"/>: one per payout destination id
    /// under the platform's account. A seller whose case has not ended is skipped; an input that names one seller twice sends
    /// it once. A lost answer is read back through Dintero's payout_destination_id filter,
    /// the cases the run knew of before left out (<see cref="KnownCases"/>).
    /// </summary>
    public sealed class PayoutDestinationSpec : RowSpec<CheckedApproval<PayoutDestinationSignup>, PayoutDestination>
    {
        private readonly KnownCases known = new KnownCases();

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

        public override async Task<Found<PayoutDestination>?> FindAsync(string accountId, CheckedApproval<PayoutDestinationSignup> ask, CancellationToken cancellationToken)
        {
            var id = ask.Approval.payout_destination_id;
            var open = (await ReadCasesAsync(accountId, ask, cancellationToken).ConfigureAwait(false))
                .Where(seller => seller.payout_destination_id == id && CaseStatuses.Blocks(seller.case_status))
                .OrderByDescending(seller => seller.created_at ?? DateTimeOffset.MinValue)
                .FirstOrDefault();
            return open == null ? null : new Found<PayoutDestination>(open, blocks: true);
        }

        public override string SkipReason(string accountId, CheckedApproval<PayoutDestinationSignup> ask, PayoutDestination existing) =>
            $"the seller {existing.payout_destination_id} has a case under account {accountId} already ({existing.case_status}, case {existing.id}); -Force applies again";

        // As a payment approval's: under -Force the seller's cases are read before sending, once a run (PaymentApprovalSpec).
        public override async Task BeforeSendAsync(string accountId, CheckedApproval<PayoutDestinationSignup> ask, bool force, CancellationToken cancellationToken)
        {
            if (!known.WereRead(ClaimKey(accountId, ask))) await ReadCasesAsync(accountId, ask, cancellationToken).ConfigureAwait(false);
        }

        public override async Task<PayoutDestination> SendAsync(string accountId, CheckedApproval<PayoutDestinationSignup> ask, bool force, CancellationToken cancellationToken)
        {
            var key = ClaimKey(accountId, ask);
            known.Sending(key);
            PayoutDestination? made = null;
            try
            {
                made = await Api.CreatePayoutDestinationAsync(accountId, ask, cancellationToken).ConfigureAwait(false);
                return made;
            }
            finally
            {
                known.Sent(key, made?.id);
            }
        }

        public override async Task<(PayoutDestination? Found, ReadBackJudgement Judgement)> ReadBackAsync(string accountId, CheckedApproval<PayoutDestinationSignup> ask, bool force, DateTimeOffset? sentOnServerClock, CancellationToken cancellationToken)
        {
            var id = ask.Approval.payout_destination_id;
            var cases = await Api.ListPayoutDestinationsAsync(accountId, id, null, cancellationToken).ConfigureAwait(false);
            return known.Judge(ClaimKey(accountId, ask), cases, seller => seller.id, seller => seller.created_at, seller => seller.payout_destination_id == id, sentOnServerClock, seller => $"case {seller.id} ({seller.case_status})");
        }

        public override string SendAgain(bool force) => force
            ? "Apply again with -Force, as this run was: the seller's cases were left as they were."
            : "Run the same input again: it sends this seller's application.";

        public override string ReportTypeName => "Dintero.Connections.PayoutDestinationReport";

        public override IReadOnlyList<string> Columns { get; } = new[] { "payout_destination_id", "case_status", "id", "contract_url" };

        public override IEnumerable<object?> Cells(CheckedApproval<PayoutDestinationSignup>? ask, PayoutDestination? made, Exception? failure) =>
            new object?[] { ask?.Approval.payout_destination_id ?? made?.payout_destination_id, made?.case_status, made?.id, made?.contract_url };

        private async Task<IReadOnlyList<PayoutDestination>> ReadCasesAsync(string accountId, CheckedApproval<PayoutDestinationSignup> ask, CancellationToken cancellationToken)
        {
            var cases = await Api.ListPayoutDestinationsAsync(accountId, ask.Approval.payout_destination_id, null, cancellationToken).ConfigureAwait(false);
            known.Read(ClaimKey(accountId, ask), cases.Where(seller => seller.payout_destination_id == ask.Approval.payout_destination_id).Select(seller => seller.id));
            return cases;
        }
    }
}
