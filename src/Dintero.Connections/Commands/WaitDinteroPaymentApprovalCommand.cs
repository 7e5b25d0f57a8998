using System.Management.Automation;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Models;
using Dintero.Connections.Waiting;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Follows payment approvals to the end: reads each account's case until it is ACTIVE, and writes it as soon as it is,
    /// whatever the input order. A case that ends DECLINED, TERMINATED, ERROR or ARCHIVED instead, or is still in review
    /// when -Timeout runs out, is an error of its own that names the last status. A case piped in (from
    /// New-DinteroPaymentApproval or Get-DinteroPaymentApproval, or the same as CSV rows or report rows with an id column)
    /// is followed by its id; an account, by its newest case.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "DinteroPaymentApproval")]
    [OutputType(typeof(PaymentApproval))]
    public sealed class WaitDinteroPaymentApprovalCommand : DinteroCaseWaitCmdlet<PaymentApproval>
    {
        private protected override string Activity => "Waiting for payment approvals to be ACTIVE";

        private protected override BatchCall<PaymentApproval>? Plan(BatchItem item)
        {
            var accountId = item.ResolveAccount();
            return BatchCall.Read(Watch.WaitFor(Follow.PaymentApproval(item.Api, accountId, CaseIdOf(item))));
        }
    }
}
