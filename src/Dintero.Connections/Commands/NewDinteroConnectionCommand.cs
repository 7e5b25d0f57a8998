using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Binding;
using Dintero.Connections.Errors;
using Dintero.Connections.Http;
using Dintero.Connections.Models;
using Dintero.Connections.Pipeline;
using Dintero.Connections.Session;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Creates a connection from a signup given by parameter or by pipeline. Each item is bound and validated
    /// on the pipeline thread (a bad one is reported with its index and the rest go on), then sent; results and
    /// errors are written in input order. Requests run through <see cref="OrderedWork{TResult}"/>, so a
    /// -ThrottleLimit can later keep several in flight without changing how output is written.
    /// </summary>
    public abstract class NewDinteroConnectionCommand<TSignup, TConnection> : DinteroApiCmdlet
        where TSignup : DinteroModel, new()
        where TConnection : Connection
    {
        private OrderedWork<(int Index, WorkItem<TConnection> Item)>? work;
        private int index;

        /// <summary>A hashtable, PSCustomObject (Import-Csv, ConvertFrom-Json), JSON text or typed signup.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public object? Signup { get; set; }

        protected abstract string Kind { get; }

        protected abstract System.Collections.Generic.IReadOnlyList<Validation.ValidationProblem> Validate(TSignup signup);

        protected abstract Task<TConnection> CreateAsync(DinteroClient client, string accountId, TSignup signup, CancellationToken cancellationToken);

        protected abstract System.Collections.Generic.IEnumerable<PaymentOption>? PaymentOptionsOf(TSignup signup);

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            work = new OrderedWork<(int Index, WorkItem<TConnection> Item)>(throttleLimit: 1);
        }

        protected override void ProcessRecord()
        {
            var itemIndex = index++;
            var input = Signup;
            var context = RequireContext();
            string accountId;
            TSignup signup;
            try
            {
                var plain = PowerShellInput.ToPlain(input);
                accountId = ResolveAccountId(context, InputBinder.AccountIdOf(plain));
                signup = InputBinder.Bind<TSignup>(plain, $"The {Kind} signup", Validation.SignupValidator.Root, InputBinder.AccountIdFieldNames);
                Validation.SignupValidator.ThrowIfInvalid(Validate(signup), $"The {Kind} signup");
            }
            catch (DinteroValidationException exception)
            {
                WriteError(ToErrorRecord(exception, input, ItemLabel(itemIndex)));
                return;
            }

            var types = PaymentOptionsOf(signup)?.Select(option => option.type).Where(type => type != null).ToArray() ?? Array.Empty<string?>();
            var target = $"Dintero account {accountId} ({context.Environment})";
            var action = $"Create the {Kind} connection with payment options {string.Join(", ", types)}";
            if (!ShouldProcess(target, action)) return;

            var client = context.GetClient();
            var started = Start(token => CreateAsync(client, accountId, signup, token), input);
            foreach (var done in work!.Add(() => Task.FromResult((itemIndex, started))))
            {
                Write(done.Item, done.Index);
            }
        }

        protected override void EndProcessing()
        {
            foreach (var done in work!.Drain()) Write(done.Item, done.Index);
        }

        private void Write(WorkItem<TConnection> item, int itemIndex)
        {
            Complete(item);
            if (item.Failure == null) WriteObject(item.Result);
            else WriteError(ToErrorRecord(item.Failure, item.Target, ItemLabel(itemIndex)));
        }

        // Only pipeline input needs telling apart: "item 3" means the fourth object piped in.
        private string? ItemLabel(int itemIndex) => MyInvocation.ExpectingInput ? $"Pipeline item {itemIndex}" : null;
    }

    /// <summary>Creates the account's Common connection (the account's company needs an organization number first).</summary>
    [Cmdlet(VerbsCommon.New, "DinteroCommonConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CommonConnection))]
    public sealed class NewDinteroCommonConnectionCommand : NewDinteroConnectionCommand<CommonConnectionSignup, CommonConnection>
    {
        protected override string Kind => ConnectionType.Common;

        protected override System.Collections.Generic.IReadOnlyList<Validation.ValidationProblem> Validate(CommonConnectionSignup signup) =>
            Validation.SignupValidator.Validate(signup);

        protected override Task<CommonConnection> CreateAsync(DinteroClient client, string accountId, CommonConnectionSignup signup, CancellationToken cancellationToken) =>
            client.CreateCommonConnectionAsync(accountId, signup, cancellationToken);

        protected override System.Collections.Generic.IEnumerable<PaymentOption>? PaymentOptionsOf(CommonConnectionSignup signup) => signup.payment_options;
    }

    /// <summary>Creates the account's Bambora connection.</summary>
    [Cmdlet(VerbsCommon.New, "DinteroBamboraConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(BamboraConnection))]
    public sealed class NewDinteroBamboraConnectionCommand : NewDinteroConnectionCommand<BamboraConnectionSignup, BamboraConnection>
    {
        protected override string Kind => ConnectionType.Bambora;

        protected override System.Collections.Generic.IReadOnlyList<Validation.ValidationProblem> Validate(BamboraConnectionSignup signup) =>
            Validation.SignupValidator.Validate(signup);

        protected override Task<BamboraConnection> CreateAsync(DinteroClient client, string accountId, BamboraConnectionSignup signup, CancellationToken cancellationToken) =>
            client.CreateBamboraConnectionAsync(accountId, signup, cancellationToken);

        protected override System.Collections.Generic.IEnumerable<PaymentOption>? PaymentOptionsOf(BamboraConnectionSignup signup) => signup.payment_options;
    }
}
