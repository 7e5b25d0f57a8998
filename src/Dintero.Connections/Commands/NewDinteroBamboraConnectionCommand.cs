using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Models;
using Dintero.Connections.Session;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Commands
{
    /// <summary>Creates the account's Bambora connection.</summary>
    [Cmdlet(VerbsCommon.New, "DinteroBamboraConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(BamboraConnection))]
    public sealed class NewDinteroBamboraConnectionCommand : NewDinteroConnectionCmdlet<BamboraConnectionSignup, BamboraConnection>
    {
        protected override string Kind => ConnectionType.Bambora;

        protected override IReadOnlyList<ValidationProblem> Validate(BamboraConnectionSignup signup) => SignupValidator.Validate(signup);

        protected override Task<BamboraConnection> CreateAsync(DinteroContext context, string accountId, BamboraConnectionSignup signup, CancellationToken cancellationToken) =>
            context.GetClient().CreateBamboraConnectionAsync(accountId, signup, cancellationToken);

        protected override IEnumerable<PaymentOption>? PaymentOptionsOf(BamboraConnectionSignup signup) => signup.payment_options;
    }
}
