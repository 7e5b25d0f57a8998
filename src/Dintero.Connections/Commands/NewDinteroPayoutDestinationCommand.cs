using System.Management.Automation;
using Dintero.Connections.Approvals;
using Dintero.Connections.Models;
using Dintero.Connections.Rows;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Applies for a seller that split payments pay out to (Dintero's seller approval, a payout destination), under the
    /// platform's account: checked before anything is sent. Dintero opens a case whose contract_url the seller completes
    /// and signs. Safe to run again (the engine's PayoutDestinationSpec): a seller with a case that has not ended is skipped,
    /// and one named twice in one input is sent once, unless -Force. In test mode (a T account), the description
    /// AUTO_APPROVE, AUTO_DECLINE or AUTO_WAITING_FOR_SIGNATURE settles the case as Dintero's test values do.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DinteroPayoutDestination", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PayoutDestination))]
    public sealed class NewDinteroPayoutDestinationCommand : DinteroCreatorCmdlet<PayoutDestination>
    {
        /// <summary>A hashtable, PSCustomObject (Import-Csv, ConvertFrom-Json), JSON text or typed PayoutDestinationSignup.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public object? Seller { get; set; }

        private protected override object? PipelineInput => Seller;

        private protected override string Activity => "Applying for sellers";

        private protected override CreatorRun<PayoutDestination> StartRun()
        {
            // Named through a local: the lambda then lives in a class of its own, not as a member of this type (see DinteroCmdlet).
            const string what = "the seller approval";
            var root = ApprovalChecks.SellerRoot;
            return CreatorRun.Of(this, api => new PayoutDestinationSpec(api), (item, accountId) =>
            {
                var bound = RowInput(item).Bind<PayoutDestinationSignup>(item.Plain, what, root);
                var seller = ApprovalChecks.Check(bound.Model);
                return (seller, $"Apply for the seller {seller.Approval.payout_destination_id} ({seller.Approval.payout_reference}): Dintero opens a case the seller completes and signs");
            });
        }
    }
}
