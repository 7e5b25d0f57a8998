using System.Linq;
using System.Management.Automation;
using Dintero.Connections.Completion;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Errors;
using Dintero.Connections.Kinds;
using Dintero.Connections.Models;
using Dintero.Connections.Paging;
using Dintero.Connections.Partners;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Gets the connected partner's merchants, page by page as they come (a pipeline that has enough, such as
    /// Select-Object -First 5, asks for no further page), filtered as Dintero filters them; or, with -AccountId (by
    /// parameter or by property name), one merchant each.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DinteroAccount")]
    [OutputType(typeof(DinteroAccount))]
    public sealed class GetDinteroAccountCommand : DinteroBatchCmdlet<DinteroAccount>
    {
        /// <summary>Merchants whose account id contains this text.</summary>
        [Parameter]
        public string? Search { get; set; }

        /// <summary>Merchants that have a connection of one of these kinds.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ConnectionTypeCompleter))]
        public string[]? Connection { get; set; }

        /// <summary>Merchants with a connection (of -Connection's kinds, if given) in one of these statuses.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ConnectionStatusCompleter))]
        public string[]? ConnectionStatus { get; set; }

        /// <summary>Merchants in one of these progressions, the partner's own status for an account.</summary>
        [Parameter]
        public string[]? Progression { get; set; }

        /// <summary>How many merchants each request asks for, 1 to 100.</summary>
        [Parameter]
        [ValidateRange(1, CursorPaging.MaxLimit)]
        public int PageSize { get; set; } = CursorPaging.MaxLimit;

        private protected override string Activity => "Reading merchants";

        private protected override bool NeedsPartner => true;

        private protected override BatchCall<DinteroAccount>? Plan(BatchItem item)
        {
            var partnerId = item.Context.AccountId;
            if (!string.IsNullOrWhiteSpace(AccountId))
            {
                if (Search != null || Connection != null || ConnectionStatus != null || Progression != null)
                {
                    throw new DinteroValidationException("The merchant query", new[] { new ValidationProblem("AccountId", "reads one merchant, and -Search, -Connection, -ConnectionStatus and -Progression list many: give one or the other.") });
                }
                var accountId = item.ResolveAccount();
                return BatchCall.Read(token => item.Client.GetAccountAsync(partnerId, accountId, token));
            }
            var query = new AccountQuery
            {
                Search = Search,
                Connections = (Connection ?? new string[0]).Select(type => ConnectionKinds.Named(type, "Connection")).ToList(),
                ConnectionStatus = (ConnectionStatus ?? new string[0]).Select(status => KnownStatus(status)).ToList(),
                Progression = Progression ?? new string[0],
                Limit = PageSize,
            };
            return BatchCall.Pages((cursor, token) => item.Client.ListAccountsAsync(partnerId, query, cursor, token));
        }

        private static string KnownStatus(string status)
        {
            var known = KnownValues.ConnectionStatuses.FirstOrDefault(candidate => string.Equals(candidate, status?.Trim(), System.StringComparison.OrdinalIgnoreCase));
            if (known != null) return known;
            throw new DinteroValidationException("The merchant query", new[]
            {
                new ValidationProblem("ConnectionStatus", $"'{status}' is not a connection status; accepted: {string.Join(", ", KnownValues.ConnectionStatuses)}.{Suggestions.DidYouMean(status ?? string.Empty, KnownValues.ConnectionStatuses)}"),
            });
        }
    }
}
