using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Completion;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Kinds;
using Dintero.Connections.Models;
using Dintero.Connections.Parameters;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Gets an account's connections. Without -ConnectionType, every connection the account has, from one read of its
    /// settings; with -ConnectionType, one read per kind, and a kind the account does not have is an error.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DinteroConnection")]
    [OutputType(typeof(CommonConnection), typeof(BamboraConnection), typeof(CollectorConnection), typeof(InstabankConnection), typeof(PayExConnection), typeof(SwishConnection), typeof(VippsConnection))]
    public sealed class GetDinteroConnectionCommand : DinteroRecordCmdlet<IReadOnlyList<Connection>>
    {
        /// <summary>Common, Bambora, Collector, Instabank, PayEx, Swish or Vipps; default: every kind the account has.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias(ConnectionTypeNames.Column, ConnectionTypeNames.FormerType, ConnectionTypeNames.FormerConnection)]
        [ArgumentCompleter(typeof(ConnectionTypeCompleter))]
        public string[]? ConnectionType { get; set; }

        private protected override string Activity => "Reading connections";

        private protected override BatchCall<IReadOnlyList<Connection>>? Plan(BatchItem item)
        {
            var accountId = item.ResolveAccount();
            if (ConnectionType == null || ConnectionType.Length == 0) return BatchCall.Read(token => item.Api.GetConnectionsAsync(accountId, token));
            // One read per kind asked for, each its own outcome: a kind the account lacks is an error of its own. A
            // mistyped kind is this record's error (not PowerShell's at binding, which would skip the row's number).
            var kinds = ConnectionType.Select(type => ConnectionKinds.Named(type)).Distinct().ToList();
            return BatchCall.ReadEach(kinds.Select(kind => (Func<CancellationToken, Task<IReadOnlyList<Connection>>>)(async token =>
                new[] { await item.Api.GetConnectionAsync(kind, accountId, token).ConfigureAwait(false) })));
        }
    }
}
