using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Http;
using Dintero.Connections.Kinds;
using Dintero.Connections.Models;
using Dintero.Connections.Session;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Creates a connection from a signup given by parameter or by pipeline, for the kind whose signup and answer are
    /// <typeparamref name="TSignup"/> and <typeparamref name="TConnection"/> (the engine's ConnectionKinds hold the rest:
    /// path, rules, personal values). Each record is bound and checked on the pipeline thread, then sent, once, unless
    /// the account has the connection already (<see cref="NewDinteroSignupCmdlet{TConnection}"/>).
    /// </summary>
    public abstract class NewDinteroConnectionCmdlet<TSignup, TConnection> : NewDinteroSignupCmdlet<TConnection>
        where TSignup : DinteroModel, new()
        where TConnection : Connection, new()
    {
        /// <summary>A hashtable, PSCustomObject (Import-Csv, ConvertFrom-Json), JSON text or typed signup.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public object? Signup { get; set; }

        private protected override string Activity => $"Creating {KindName} connections";

        private protected override object? PipelineInput => Signup;

        private protected override string KindName => ConnectionKinds.Of<TSignup, TConnection>().Name;

        private protected override (string Action, DinteroModel? Sent, Func<CancellationToken, Task<TConnection>> Send) PlanSignup(BatchItem item)
        {
            var kind = ConnectionKinds.Of<TSignup, TConnection>();
            // Said once per session, not per merchant.
            if (kind.Deprecation != null && RunspaceSession.Current.FirstTime("deprecated " + kind.Name)) WriteWarning(kind.Deprecation);
            var accountId = item.ResolveAccount();
            var bound = Input.Bind<TSignup>(item.Plain, $"the {kind.Name} signup", SignupValidator.Root);
            var signup = kind.Check(bound.Model);
            WarnAboutDoubts(item, signup.Doubts);
            return ($"Create the {kind.Name} connection with payment options {string.Join(", ", kind.PaymentOptionTypes(bound.Model))}", signup.Signup,
                token => item.Client.CreateConnectionAsync(signup, accountId, token));
        }
    }
}
