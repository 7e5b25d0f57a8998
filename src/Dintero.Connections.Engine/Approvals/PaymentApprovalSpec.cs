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
    /// Dintero's clock, for the organization number sent, proves it stored.
    /// </summary>
    public sealed class PaymentApprovalSpec : RowSpec<CheckedApproval<PaymentApprovalSignup>, PaymentApproval>
    {
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
            var open = (await Api.ListPaymentApprovalsAsync(accountId, null, cancellationToken).ConfigureAwait(false))
                .Where(approval => CaseStatuses.Blocks(approval.case_status))
                .OrderByDescending(approval => approval.created_at ?? DateTimeOffset.MinValue)
                .FirstOrDefault();
            return open == null ? null : new Found<PaymentApproval>(open, blocks: true);
        }

        public override string SkipReason(string accountId, CheckedApproval<PaymentApprovalSignup> ask, PaymentApproval existing) =>
            $"account {accountId} has a payment approval already ({existing.case_status}, case {existing.id}); -Force applies again";

        public override Task<PaymentApproval> SendAsync(string accountId, CheckedApproval<PaymentApprovalSignup> ask, bool force, CancellationToken cancellationToken) =>
            Api.CreatePaymentApprovalAsync(accountId, ask, cancellationToken);

        public override async Task<(PaymentApproval? Found, ReadBackJudgement Judgement)> ReadBackAsync(string accountId, CheckedApproval<PaymentApprovalSignup> ask, bool force, DateTimeOffset? sentOnServerClock, CancellationToken cancellationToken)
        {
            var cases = await Api.ListPaymentApprovalsAsync(accountId, null, cancellationToken).ConfigureAwait(false);
            return Since(cases, approval => approval.created_at, approval => approval.organization_number == ask.Approval.organization_number, sentOnServerClock, approval => $"case {approval.id} ({approval.case_status})");
        }

        public override string SendAgain(bool force) => force
            ? "Apply again with -Force, as this run was: the account's cases were left as they were."
            : "Run the same input again: it sends this application.";

        public override string ReportTypeName => "Dintero.Connections.PaymentApprovalReport";

        public override IReadOnlyList<string> Columns { get; } = new[] { "case_status", "id", "contract_url" };

        public override IEnumerable<object?> Cells(CheckedApproval<PaymentApprovalSignup>? ask, PaymentApproval? made, Exception? failure) =>
            new object?[] { made?.case_status, made?.id, made?.contract_url };

        /// <summary>
        /// What a read-back of cases proves about one sent at <paramref name="sentOnServerClock"/>: one case made since then
        /// (within a second: Dintero's clock has whole seconds) that matches it is this one; none is not stored; two
        /// cannot be told apart, nor can a case when no answer gave Dintero's time.
        /// </summary>
        internal static (T? Found, ReadBackJudgement Judgement) Since<T>(IEnumerable<T> cases, Func<T, DateTimeOffset?> createdAt, Func<T, bool> matches, DateTimeOffset? sentOnServerClock, Func<T, string> describe)
            where T : class
        {
            var candidates = cases.Where(matches).ToList();
            if (sentOnServerClock == null) return (null, candidates.Count == 0 ? ReadBackJudgement.NotStored("none") : ReadBackJudgement.CannotTell($"{candidates.Count} with no time of Dintero's to compare with"));
            var since = candidates.Where(each => createdAt(each) >= sentOnServerClock.Value - ReadBack.Slack).ToList();
            return since.Count switch
            {
                0 => (null, ReadBackJudgement.NotStored(candidates.Count == 0 ? "none" : "none made since it was sent")),
                1 => (since[0], ReadBackJudgement.Proved(describe(since[0]))),
                _ => (null, ReadBackJudgement.CannotTell($"{since.Count} made since it was sent")),
            };
        }
    }
}
