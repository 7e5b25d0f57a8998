using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Binding;
using Dintero.Connections.Errors;
using Dintero.Connections.Models;
using Dintero.Connections.Output;
using Dintero.Connections.Session;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Creates a connection from a signup given by parameter or by pipeline. Each item is bound and validated on the
    /// pipeline thread (a bad one is reported with its index and the rest go on), then sent, up to -ThrottleLimit at
    /// once; results and errors are written in input order.
    /// </summary>
    public abstract class NewDinteroConnectionCmdlet<TSignup, TConnection> : DinteroApiCmdlet
        where TSignup : DinteroModel, new()
        where TConnection : Connection
    {
        private PipelineBatch<TConnection>? batch;
        private CmdletInput? input;
        private int index;

        /// <summary>A hashtable, PSCustomObject (Import-Csv, ConvertFrom-Json), JSON text or typed signup.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public object? Signup { get; set; }

        /// <summary>The connection kind, as in <see cref="ConnectionType"/>.</summary>
        protected abstract string Kind { get; }

        protected abstract IReadOnlyList<ValidationProblem> Validate(TSignup signup);

        protected abstract Task<TConnection> CreateAsync(DinteroContext context, string accountId, TSignup signup, CancellationToken cancellationToken);

        protected abstract IEnumerable<PaymentOption>? PaymentOptionsOf(TSignup signup);

        protected override void BeginProcessing()
        {
            input = new CmdletInput(this);
            var activity = MyInvocation.ExpectingInput ? $"Creating {Kind} connections" : null;
            batch = new PipelineBatch<TConnection>(this, ThrottleLimit, activity, Cancellation);
        }

        protected override void ProcessRecord()
        {
            var item = new PipelineItem(Signup, MyInvocation.ExpectingInput ? index++ : (int?)null, AccountId);
            var context = RequireContext();
            TSignup signup;
            try
            {
                var bound = input!.Bind<TSignup>(item.Input, $"the {Kind} signup", SignupValidator.Root);
                item.AccountId = ResolveAccountId(context, bound.ParameterValues.TryGetValue(nameof(AccountId), out var fromInput) ? fromInput : null);
                signup = bound.Model;
                SignupValidator.ThrowIfInvalid(Validate(signup), $"The {Kind} signup");
            }
            catch (DinteroValidationException exception)
            {
                batch!.AddFailure(exception, item);
                return;
            }

            var types = PaymentOptionsOf(signup)?.Select(option => option?.type).Where(type => type != null) ?? Enumerable.Empty<string?>();
            var target = $"Dintero account {item.AccountId} ({context.Environment})";
            if (!ShouldProcess(target, $"Create the {Kind} connection with payment options {string.Join(", ", types)}")) return;

            var accountId = item.AccountId!;
            batch!.Add(token => CreateAsync(context, accountId, signup, token), item);
        }

        protected override void EndProcessing() => batch!.Drain();
    }
}
