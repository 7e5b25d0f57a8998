using System.Collections.Generic;
using System.Management.Automation;
using Dintero.Connections.Approvals;
using Dintero.Connections.Completion;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Models;
using Dintero.Connections.Partners;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Gets accounts' payment approvals (their cases and statuses), filtered by -CaseStatus as Dintero filters them: for
    /// the account given or piped in, or run by a partner with no -AccountId and nothing piped in, for every merchant of the
    /// partner, streamed as their pages come.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DinteroPaymentApproval")]
    [OutputType(typeof(PaymentApproval))]
    public sealed class GetDinteroPaymentApprovalCommand : DinteroRecordCmdlet<IReadOnlyList<PaymentApproval>>
    {
        /// <summary>Only cases in these statuses: ACTIVE, DECLINED, WAITING_FOR_SIGNATURE, ... (completed from Dintero's list).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(CaseStatusCompleter))]
        public string[]? CaseStatus { get; set; }

        private protected override string Activity => "Reading payment approvals";

        private protected override BatchCall<IReadOnlyList<PaymentApproval>>? Plan(BatchItem item)
        {
            var statuses = CaseStatuses.Checked(CaseStatus);
            // A partner's whole book, by parameter with no -AccountId: each merchant a record, as if piped in.
            if (item.AsksForWholeBook(AccountId)) return BatchCall.EachOf<IReadOnlyList<PaymentApproval>>(WholeBook.Merchants(item.Api, item.Context.AccountId));
            var accountId = item.ResolveAccount();
            return BatchCall.Read(token => item.Api.ListPaymentApprovalsAsync(accountId, statuses, token));
        }
    }
}
