using System.Management.Automation;
using Dintero.Connections.Kinds;
using Dintero.Connections.Models;
using Dintero.Connections.Rows;
using Dintero.Connections.Session;
using Dintero.Connections.Signups;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Creates a connection from a signup given by parameter or by pipeline, for the kind whose signup and answer are
    /// <typeparamref name="TSignup"/> and <typeparamref name="TConnection"/> (the engine's ConnectionKinds hold the rest:
    /// path, rules, personal values). Each record is bound and checked on the pipeline thread, then sent once, unless the
    /// account has the connection already (the engine's SignupSpec, run by <see cref="DinteroCreatorCmdlet{TMade}"/>).
    /// </summary>
    public abstract class NewDinteroConnectionCmdlet<TSignup, TConnection> : DinteroCreatorCmdlet<TConnection>
        where TSignup : DinteroModel, new()
        where TConnection : Connection, new()
    {
        /// <summary>A hashtable, PSCustomObject (Import-Csv, ConvertFrom-Json), JSON text or typed signup.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public object? Signup { get; set; }

        private protected override string Activity => $"Creating {ConnectionKinds.Of<TSignup, TConnection>().Name} connections";

        private protected override object? PipelineInput => Signup;

        private protected override CreatorRun<TConnection> StartRun()
        {
            // The kind, looked up once per command.
            var kind = ConnectionKinds.Of<TSignup, TConnection>();
            return CreatorRun.Of(this, api => new SignupSpec<TConnection>(api, kind), (item, accountId) =>
            {
                // Said once per session, not per merchant.
                if (kind.Deprecation != null && RunspaceSession.Current.FirstTime("deprecated " + kind.Name)) WriteWarning(kind.Deprecation);
                var bound = RowInput(item).Bind<TSignup>(item.Plain, $"the {kind.Name} signup", SignupValidator.Root);
                var signup = kind.Check(bound.Model);
                WarnAboutDoubts(item, signup.Doubts);
                return (new SignupAsk<TConnection>(signup.Signup, token => item.Api.CreateConnectionAsync(signup, accountId, token)),
                    $"Create the {kind.Name} connection with payment options {string.Join(", ", kind.PaymentOptionTypes(bound.Model))}");
            });
        }
    }
}
