using System.Linq;
using System.Management.Automation;
using Dintero.Connections.Completion;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Models;
using Dintero.Connections.Paging;
using Dintero.Connections.Parameters;
using Dintero.Connections.Partners;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Gets the connected partner's merchants, page by page as they come (a pipeline that has enough, such as
    /// Select-Object -First 5, asks for no further page), filtered as Dintero filters them; or, with -AccountId (by
    /// parameter or by property name), one merchant each.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DinteroAccount")]
    [OutputType(typeof(DinteroAccount))]
    public sealed class GetDinteroAccountCommand : DinteroRecordCmdlet<DinteroAccount>
    {
        /// <summary>Merchants whose account id contains this text.</summary>
        [Parameter]
        public string? Search { get; set; }

        /// <summary>Merchants that have a connection of one of these kinds.</summary>
        [Parameter]
        [Alias(ConnectionTypeNames.Column, ConnectionTypeNames.FormerType, ConnectionTypeNames.FormerConnection)]
        [ArgumentCompleter(typeof(ConnectionTypeCompleter))]
        public string[]? ConnectionType { get; set; }

        /// <summary>Merchants with a connection (of -ConnectionType's kinds, if given) in one of these statuses.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ConnectionStatusCompleter))]
        public string[]? ConnectionStatus { get; set; }

        /// <summary>Merchants in one of these progressions, the partner's own status for an account.</summary>
        [Parameter]
        public string[]? Progression { get; set; }

        /// <summary>How many merchants each request asks for, in Dintero's page sizes (<see cref="Paging.CursorPaging.MaxLimit"/>).</summary>
        [Parameter]
        [ValidateRange(1, CursorPaging.MaxLimit)]
        public int PageSize { get; set; } = CursorPaging.MaxLimit;

        private protected override string Activity => "Reading merchants";

        private protected override BatchCall<DinteroAccount>? Plan(BatchItem item)
        {
            var partnerId = item.PartnerId(MyInvocation.MyCommand.Name);
            // A pipeline record is one merchant (its account_id, or an id piped in; one that names none is refused); by
            // parameter, -AccountId names one, else the whole book is listed.
            var oneMerchant = item.Index != null || !string.IsNullOrWhiteSpace(AccountId);
            var query = AccountQuery.Create(Search, ConnectionType, ConnectionStatus, Progression, PageSize, oneMerchant);
            if (oneMerchant)
            {
                var accountId = item.ResolveAccount();
                return BatchCall.Read(token => item.Api.GetAccountAsync(partnerId, accountId, token));
            }
            return BatchCall.Pages((cursor, token) => item.Api.ListAccountsAsync(partnerId, query, cursor, token));
        }
    }
}
