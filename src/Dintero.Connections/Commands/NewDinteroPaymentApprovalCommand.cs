using System.Linq;
using System.Management.Automation;
using Dintero.Connections.Approvals;
using Dintero.Connections.Models;
using Dintero.Connections.Rows;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Applies for payments for an account (Dintero's payment approval): the products and payment methods, the company and
    /// the bank account payouts go to, checked before anything is sent. Dintero opens a case whose contract_url the
    /// merchant's signatory completes and signs. Safe to run again (the engine's PaymentApprovalSpec): an account with a
    /// case that has not ended is skipped, unless -Force.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DinteroPaymentApproval", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PaymentApproval))]
    public sealed class NewDinteroPaymentApprovalCommand : DinteroCreatorCmdlet<PaymentApproval>
    {
        /// <summary>A hashtable, PSCustomObject (Import-Csv, ConvertFrom-Json), JSON text or typed PaymentApprovalSignup.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public object? Approval { get; set; }

        private protected override object? PipelineInput => Approval;

        private protected override string Activity => "Applying for payments";

        private protected override CreatorRun<PaymentApproval> StartRun()
        {
            // Named through a local: the lambda then lives in a class of its own, not as a member of this type (see DinteroCmdlet).
            const string what = "the payment approval";
            var root = ApprovalChecks.ApprovalRoot;
            return CreatorRun.Of(this, api => new PaymentApprovalSpec(api), (item, accountId) =>
            {
                var bound = RowInput(item).Bind<PaymentApprovalSignup>(item.Plain, what, root);
                var approval = ApprovalChecks.Check(bound.Model);
                var methods = string.Join(", ", approval.Approval.payment_methods!.Select(method => method.payment_method));
                var products = string.Join(", ", approval.Approval.products!.Select(product => product.product));
                return (approval, $"Apply for {products} with {methods}: Dintero opens a case the signatory completes and signs");
            });
        }
    }
}
