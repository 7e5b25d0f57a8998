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
    /// An application for payments as an <see cref="ApprovalSpec{TSignup, TCase}"/>: an account with a case that has not ended
    /// (approved, or still in review or waiting for its signature) is skipped; one whose cases all ended (declined,
    /// terminated, archived, in error) may apply again. A lost answer is read back: a case opened since it was sent on
    /// Dintero's clock, for the organization number sent, that the run did not know of before, proves it stored.
    /// </summary>
    public sealed class PaymentApprovalSpec : ApprovalSpec<PaymentApprovalSignup, PaymentApproval>
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

        public override string SkipReason(string accountId, CheckedApproval<PaymentApprovalSignup> ask, PaymentApproval existing) =>
            $"account {accountId} has a payment approval already ({existing.case_status}, case {existing.id}); -Force applies again";

        protected override Task<IReadOnlyList<PaymentApproval>> ListAsync(string accountId, CheckedApproval<PaymentApprovalSignup> ask, CancellationToken cancellationToken) =>
            Api.ListPaymentApprovalsAsync(accountId, null, cancellationToken);

        protected override Task<PaymentApproval> CreateAsync(string accountId, CheckedApproval<PaymentApprovalSignup> ask, CancellationToken cancellationToken) =>
            Api.CreatePaymentApprovalAsync(accountId, ask, cancellationToken);

        // Every case of the account counts: one that has not ended skips the row.
        protected override bool IsOfKey(CheckedApproval<PaymentApprovalSignup> ask, PaymentApproval listed) => true;

        protected override bool IsOfSent(CheckedApproval<PaymentApprovalSignup> ask, PaymentApproval listed) => listed.organization_number == ask.Approval.organization_number;

        public override string SendAgain(bool force) => force
            ? "Apply again with -Force, as this run was: the account's cases were left as they were."
            : "Run the same input again: it sends this application.";

        public override string ReportTypeName => "Dintero.Connections.PaymentApprovalReport";

        public override IReadOnlyList<string> Columns { get; } = new[] { "case_status", "id", "contract_url" };

        public override IEnumerable<object?> Cells(CheckedApproval<PaymentApprovalSignup>? ask, PaymentApproval? made, Exception? failure) =>
            new object?[] { made?.case_status, made?.id, made?.contract_url };
    }
}
