using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Models;
using Dintero.Connections.Session;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Commands
{
    /// <summary>Creates the account's Common connection (the account's company needs an organization number first).</summary>
    [Cmdlet(VerbsCommon.New, "DinteroCommonConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CommonConnection))]
    public sealed class NewDinteroCommonConnectionCommand : NewDinteroConnectionCmdlet<CommonConnectionSignup, CommonConnection>
    {
        protected override string Kind => ConnectionType.Common;

        protected override IReadOnlyList<ValidationProblem> Validate(CommonConnectionSignup signup) => SignupValidator.Validate(signup);

        protected override Task<CommonConnection> CreateAsync(DinteroContext context, string accountId, CommonConnectionSignup signup, CancellationToken cancellationToken) =>
            context.GetClient().CreateCommonConnectionAsync(accountId, signup, cancellationToken);

        protected override IEnumerable<PaymentOption>? PaymentOptionsOf(CommonConnectionSignup signup) => signup.payment_options;
    }
}
