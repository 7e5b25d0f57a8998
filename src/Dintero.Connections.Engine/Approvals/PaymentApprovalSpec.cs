using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Http;
using Dintero.Connections.Models;
using Dintero.Connections.Rows;
using Dintero.Connections.Signups;

namespace Dintero.Connections.Approvals
{
    /// <summary>
    /// An application for payments as a <see cref="RowSpec{TAsk, TMade}"/>: an account with a case that has not ended
    /// (approved, or still in review or waiting for its signature) is skipped; one whose cases all ended (declined,
    /// terminated, archived, in error) may apply again. A lost answer is read back: a case opened since it was sent on
    /// Dintero's clock, for the organization number sent, that the run did not know of before (<see cref="KnownCases"/>),
    /// proves it stored.
    /// </summary>
    public sealed class PaymentApprovalSpec : RowSpec<CheckedApproval<PaymentApprovalSignup>, PaymentApproval>
    {
        private readonly KnownCases known = new KnownCases();

        public PaymentApprovalSpec(DinteroApi api)
            : base(api)
        {
        }

        public override string Named(CheckedApproval<PaymentApprovalSignup> ask) => "the payment approval";

        public override string This => "this application";

        public override string ReadsBack(CheckedApproval<PaymentApprovalSignup> ask) => "the account's payment approvals";

        public override string Unsettled(string accountId, CheckedApproval<PaymentApprovalSignup> ask) =>
            $"Read the account's cases with Get-DinteroPaymentApproval -AccountId {accountId} before applying again.";

        public override string ClaimKey(string accountId, CheckedApproval<PaymentApprovalSignup> ask) => accountId;

        public override async Task<Found<PaymentApproval>?> FindAsync(string accountId, CheckedApproval<PaymentApprovalSignup> ask, CancellationToken cancellationToken)
        {
            var cases = await ReadCasesAsync(accountId, cancellationToken).ConfigureAwait(false);
            var open = cases
                .Where(approval => CaseStatuses.Blocks(approval.case_status))
                .OrderByDescending(approval => approval.created_at ?? DateTimeOffset.MinValue)
                .FirstOrDefault();
            return open == null ? null : new Found<PaymentApproval>(open, blocks: true);
        }

        public override string SkipReason(string accountId, CheckedApproval<PaymentApprovalSignup> ask, PaymentApproval existing) =>
            $"account {accountId} has a payment approval already ({existing.case_status}, case {existing.id}); -Force applies again";

        // Under -Force nothing was found first: the account's cases are read before sending (once a run), so that a lost
        // answer is never proved by a case that was there before (one opened a second earlier looks new on Dintero's clock).
        public override async Task BeforeSendAsync(string accountId, CheckedApproval<PaymentApprovalSignup> ask, bool force, CancellationToken cancellationToken)
        {
            if (!known.WereRead(accountId)) await ReadCasesAsync(accountId, cancellationToken).ConfigureAwait(false);
        }

        public override async Task<PaymentApproval> SendAsync(string accountId, CheckedApproval<PaymentApprovalSignup> ask, bool force, CancellationToken cancellationToken)
        {
            known.Sending(accountId);
            PaymentApproval? made = null;
            try
            {
                made = await Api.CreatePaymentApprovalAsync(accountId, ask, cancellationToken).ConfigureAwait(false);
                return made;
            }
            finally
            {
                known.Sent(accountId, made?.id);
            }
        }

        public override async Task<(PaymentApproval? Found, ReadBackJudgement Judgement)> ReadBackAsync(string accountId, CheckedApproval<PaymentApprovalSignup> ask, bool force, DateTimeOffset? sentOnServerClock, CancellationToken cancellationToken)
        {
            var cases = await Api.ListPaymentApprovalsAsync(accountId, null, cancellationToken).ConfigureAwait(false);
            return known.Judge(accountId, cases, approval => approval.id, approval => approval.created_at, approval => approval.organization_number == ask.Approval.organization_number, sentOnServerClock, approval => $"case {approval.id} ({approval.case_status})");
        }

        public override string SendAgain(bool force) => force
            ? "Apply again with -Force, as this run was: the account's cases were left as they were."
            : "Run the same input again: it sends this application.";

        public override string ReportTypeName => "Dintero.Connections.PaymentApprovalReport";

        public override IReadOnlyList<string> Columns { get; } = new[] { "case_status", "id", "contract_url" };

        public override IEnumerable<object?> Cells(CheckedApproval<PaymentApprovalSignup>? ask, PaymentApproval? made, Exception? failure) =>
            new object?[] { made?.case_status, made?.id, made?.contract_url };

        private async Task<IReadOnlyList<PaymentApproval>> ReadCasesAsync(string accountId, CancellationToken cancellationToken)
        {
            var cases = await Api.ListPaymentApprovalsAsync(accountId, null, cancellationToken).ConfigureAwait(false);
            known.Read(accountId, cases.Select(approval => approval.id));
            return cases;
        }
    }
}
