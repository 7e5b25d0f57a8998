using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Models;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Gets an account's API clients, each with its grants (<c>grants</c>, and their scopes in <c>scopes</c>): every one
    /// (two reads: the clients, and the account's grants), those whose name matches -Name, or one by -Id. Never a secret:
    /// Dintero shows it only when a client is made or its secret reset.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DinteroApiClient")]
    [OutputType(typeof(ApiClient))]
    public sealed class GetDinteroApiClientCommand : DinteroRecordCmdlet<IReadOnlyList<ApiClient>>
    {
        /// <summary>The client's id (a UUID, its <c>id</c>); by parameter only: a merchant piped in has an <c>id</c> of its own.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Id { get; set; }

        /// <summary>Clients whose name matches, wildcards allowed ('Web*').</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        private protected override string Activity => "Reading API clients";

        private protected override BatchCall<IReadOnlyList<ApiClient>>? Plan(BatchItem item)
        {
            var accountId = item.ResolveAccount();
            var api = item.Api;
            if (Id != null) return BatchCall.Read<IReadOnlyList<ApiClient>>(async token => new[] { await api.GetApiClientWithGrantsAsync(accountId, Id.Trim(), token).ConfigureAwait(false) });
            var pattern = Name == null ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
            return BatchCall.Read<IReadOnlyList<ApiClient>>(async token =>
                (await api.ListApiClientsWithGrantsAsync(accountId, token).ConfigureAwait(false)).Where(each => pattern == null || pattern.IsMatch(each.name ?? string.Empty)).ToList());
        }
    }
}
