using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Dintero.Connections.Completion;
using Dintero.Connections.Models;
using Dintero.Connections.Output;
using Dintero.Connections.Session;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Gets an account's connections. Without -Type, every connection the account has, from one read of its settings;
    /// with -Type, one read per kind, and a kind the account does not have is an error.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DinteroConnection")]
    [OutputType(typeof(CommonConnection), typeof(BamboraConnection), typeof(CollectorConnection), typeof(InstabankConnection), typeof(PayExConnection), typeof(SwishConnection), typeof(VippsConnection))]
    public sealed class GetDinteroConnectionCommand : DinteroApiCmdlet
    {
        private PipelineBatch<IReadOnlyList<Connection>>? batch;

        /// <summary>Common, Bambora, Collector, Instabank, PayEx, Swish or Vipps; default: every kind the account has.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("connection_type")]
        [ValidateConnectionType]
        [ArgumentCompleter(typeof(ConnectionTypeCompleter))]
        public string[]? Type { get; set; }

        protected override void BeginProcessing()
        {
            var activity = MyInvocation.ExpectingInput ? "Reading connections" : null;
            batch = new PipelineBatch<IReadOnlyList<Connection>>(this, ThrottleLimit, activity, Cancellation);
        }

        protected override void ProcessRecord()
        {
            var context = RequireContext();
            var item = NextItem();
            var accountId = ResolveAccountId(context);
            item.AccountId = accountId;
            if (Type == null || Type.Length == 0)
            {
                batch!.Add(token => context.GetClient().GetConnectionsAsync(accountId, token), item);
                return;
            }
            // One read per kind asked for, each its own outcome: a kind the account lacks is an error of its own.
            foreach (var type in Type.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                batch!.Add(async token => (IReadOnlyList<Connection>)new[] { await context.GetClient().GetConnectionAsync(accountId, type, token).ConfigureAwait(false) }, item);
            }
        }

        protected override void EndProcessing() => batch!.Drain();
    }
}
