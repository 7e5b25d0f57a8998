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
    /// A wait for cases Dintero reviews until they are ACTIVE (Wait-DinteroPaymentApproval, Wait-DinteroPayoutDestination):
    /// how long and how often, every case at once, and the case a record names by its id. Each cmdlet says only what it
    /// follows.
    /// </summary>
    public abstract class DinteroCaseWaitCmdlet<TCase> : DinteroRecordCmdlet<TCase>
        where TCase : DinteroModel, IApprovalCase
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

        // Every case waits at once, written as soon as it is final; -ThrottleLimit bounds the reads in flight instead.
        private protected sealed override BatchOptions Options =>
            new BatchOptions(int.MaxValue) { InInputOrder = false, ProgressStatus = () => Watch.Status };

        /// <summary>The waits of this command: one watch over every case (its reads bounded by -ThrottleLimit).</summary>
        private protected StatusWatch Watch => watch ??= new StatusWatch(new WaitOptions { Status = CaseStatuses.Active, Timeout = Timeout, PollInterval = PollInterval }, ThrottleLimit);

        /// <summary>The case a record names by its id (a case piped in, its CSV row, a report row); null for the newest.</summary>
        private protected static string? CaseIdOf(BatchItem item) => PipedCase.IdOf<TCase>(item.Input);
    }
}
