using System;
using System.Linq;
using System.Management.Automation;
using Dintero.Connections.Errors;
using Dintero.Connections.Models;
using Dintero.Connections.Output;
using Dintero.Connections.Session;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Gets an account's connections. With -Type, a missing connection is an error; without it, every kind
    /// that exists is returned and missing ones are skipped.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DinteroConnection")]
    [OutputType(typeof(CommonConnection), typeof(BamboraConnection))]
    public sealed class GetDinteroConnectionCommand : DinteroApiCmdlet
    {
        private PipelineBatch<Connection?>? batch;
        private int index;

        /// <summary>Common, Bambora, or both (the default).</summary>
        [Parameter(Position = 0)]
        [ValidateSet(ConnectionType.Common, ConnectionType.Bambora, IgnoreCase = true)]
        public string[]? Type { get; set; }

        protected override void BeginProcessing()
        {
            var activity = MyInvocation.ExpectingInput ? "Reading connections" : null;
            batch = new PipelineBatch<Connection?>(this, ThrottleLimit, activity, Cancellation)
            {
                NothingFound = item => $"Account {item.AccountId} has no connection of one of the kinds asked for.",
            };
        }

        protected override void ProcessRecord()
        {
            var context = RequireContext();
            var item = new PipelineItem(null, MyInvocation.ExpectingInput ? index++ : (int?)null, AccountId);
            item.AccountId = ResolveAccountId(context);
            var explicitTypes = Type != null && Type.Length > 0;
            foreach (var type in (explicitTypes ? Type! : ConnectionType.All).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var accountId = item.AccountId;
                batch!.Add(async token =>
                {
                    try
                    {
                        return await context.GetClient().GetConnectionAsync(accountId, type, token).ConfigureAwait(false);
                    }
                    catch (DinteroApiException exception) when (exception.StatusCode == 404 && !explicitTypes)
                    {
                        return null; // without -Type, a kind the account does not have is skipped
                    }
                }, item);
            }
        }

        protected override void EndProcessing() => batch!.Drain();
    }
}
