using System;
using System.Linq;
using System.Management.Automation;
using Dintero.Connections.Errors;
using Dintero.Connections.Models;

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
        /// <summary>Common, Bambora, or both (the default).</summary>
        [Parameter(Position = 0)]
        [ValidateSet(ConnectionType.Common, ConnectionType.Bambora, IgnoreCase = true)]
        public string[]? Type { get; set; }

        protected override void ProcessRecord()
        {
            var context = RequireContext();
            string accountId;
            try
            {
                accountId = ResolveAccountId(context);
            }
            catch (DinteroValidationException exception)
            {
                WriteError(ToErrorRecord(exception, AccountId));
                return;
            }
            var explicitTypes = Type != null && Type.Length > 0;
            var client = context.GetClient();
            foreach (var type in (explicitTypes ? Type! : ConnectionType.All).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                try
                {
                    WriteObject(Run(token => client.GetConnectionAsync(accountId, type, token)));
                }
                catch (DinteroApiException exception) when (exception.StatusCode == 404 && !explicitTypes)
                {
                    WriteVerbose($"Account {accountId} has no {type} connection.");
                }
                catch (DinteroException exception)
                {
                    WriteError(ToErrorRecord(exception, accountId));
                }
            }
        }
    }
}
