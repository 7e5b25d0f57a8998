using System.Linq;
using System.Management.Automation;
using Dintero.Connections.Binding;
using Dintero.Connections.Connections;
using Dintero.Connections.Errors;
using Dintero.Connections.Models;
using Dintero.Connections.Output;
using Dintero.Connections.Session;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Creates a connection from a signup given by parameter or by pipeline, for the kind whose signup and answer are
    /// <typeparamref name="TSignup"/> and <typeparamref name="TConnection"/> (the engine's ConnectionKinds hold the
    /// rest: path, rules, personal values). Each item is bound and validated on the pipeline thread, then sent, up to
    /// -ThrottleLimit at once; results and errors are written in input order.
    /// </summary>
    public abstract class NewDinteroConnectionCmdlet<TSignup, TConnection> : DinteroApiCmdlet
        where TSignup : DinteroModel, new()
        where TConnection : Connection
    {
        private PipelineBatch<TConnection>? batch;
        private CmdletInput? input;

        /// <summary>A hashtable, PSCustomObject (Import-Csv, ConvertFrom-Json), JSON text or typed signup.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public object? Signup { get; set; }

        protected override void BeginProcessing()
        {
            input = new CmdletInput(this);
            var activity = MyInvocation.ExpectingInput ? $"Creating {ConnectionKinds.Of<TSignup, TConnection>().Name} connections" : null;
            batch = new PipelineBatch<TConnection>(this, ThrottleLimit, activity, Cancellation);
        }

        protected override void ProcessRecord()
        {
            var kind = ConnectionKinds.Of<TSignup, TConnection>();
            var item = NextItem(Signup);
            var context = RequireContext();
            TSignup signup;
            try
            {
                var bound = input!.Bind<TSignup>(item.Input, $"the {kind.Name} signup", SignupValidator.Root);
                item.AccountId = ResolveAccountId(context, bound.ParameterValues.TryGetValue(nameof(AccountId), out var fromInput) ? fromInput : null);
                signup = bound.Model;
                SignupValidator.ThrowIfInvalid(kind.Validate(signup), kind.What);
            }
            catch (DinteroValidationException exception)
            {
                batch!.AddFailure(exception, item);
                return;
            }

            var target = $"Dintero account {item.AccountId} ({context.Environment})";
            if (!ShouldProcess(target, $"Create the {kind.Name} connection with payment options {string.Join(", ", kind.PaymentOptionTypes(signup))}")) return;

            var accountId = item.AccountId!;
            batch!.Add(token => context.GetClient().CreateConnectionAsync(kind, accountId, signup, token), item);
        }

        protected override void EndProcessing() => batch!.Drain();
    }
}
