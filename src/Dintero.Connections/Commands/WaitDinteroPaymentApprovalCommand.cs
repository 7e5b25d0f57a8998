using System;
using System.Management.Automation;
using Dintero.Connections.Approvals;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Models;
using Dintero.Connections.Validation;
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
    public sealed class WaitDinteroPaymentApprovalCommand : DinteroRecordCmdlet<PaymentApproval>
    {
        private StatusWatch? watch;

        /// <summary>How long each case may take.</summary>
        [Parameter]
        [ValidateDuration("00:00:01", "30.00:00:00")]
        public TimeSpan Timeout { get; set; } = TimeSpan.FromHours(1);

        /// <summary>The first pause between two reads of a case; later pauses grow, up to a minute.</summary>
        [Parameter]
        [ValidateDuration("00:00:00.100", "01:00:00")]
        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

        private protected override string Activity => "Waiting for payment approvals to be ACTIVE";

        // Every case waits at once, written as soon as it is final; -ThrottleLimit bounds the reads in flight instead.
        private protected override BatchOptions Options =>
            new BatchOptions(int.MaxValue) { InInputOrder = false, ProgressStatus = () => Watch.Status };

        private StatusWatch Watch => watch ??= new StatusWatch(new WaitOptions { Status = CaseStatuses.Active, Timeout = Timeout, PollInterval = PollInterval }, ThrottleLimit);

        private protected override BatchCall<PaymentApproval>? Plan(BatchItem item)
        {
            var accountId = item.ResolveAccount();
            return BatchCall.Read(Watch.WaitFor(Follow.PaymentApproval(item.Api, accountId, PipedCase.IdOf<PaymentApproval>(item.Input, approval => approval.id))));
        }
    }
}
