using System;
using System.Collections.Generic;
using System.Linq;
using Dintero.Connections.Kinds;
using Dintero.Connections.Paging;
using Dintero.Connections.Parameters;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Partners
{
    /// <summary>
    /// Which of a partner's merchants to list (<c>GET /accounts/{partner}/management/accounts</c>), with the filters
    /// Dintero documents: <c>search</c> (matched against the account id), <c>connections</c> (the merchant has a
    /// connection of one of these kinds), <c>connection_status</c> (in one of these statuses) and <c>progression</c>
    /// (the partner's own status for the account). Repeated filters are sent as repeated parameters, as Dintero's
    /// generated client sends them.
    /// </summary>
    public sealed class AccountQuery
    {
        public string? Search { get; set; }

        /// <summary>Connection kinds, as the registry has them.</summary>
        public IReadOnlyList<ConnectionKind> Connections { get; set; } = Array.Empty<ConnectionKind>();

        public IReadOnlyList<string> ConnectionStatus { get; set; } = Array.Empty<string>();

        public IReadOnlyList<string> Progression { get; set; } = Array.Empty<string>();

        /// <summary>The page size asked for, in Dintero's page sizes (<see cref="Paging.CursorPaging.MaxLimit"/>).</summary>
        public int Limit { get; set; } = CursorPaging.MaxLimit;

        /// <summary>
        /// The query Get-DinteroAccount's parameters ask for, every problem at once: kinds and statuses named as Dintero
        /// names them (any case), the page size in Dintero's range. <paramref name="oneMerchant"/> is true when an account
        /// is named as well: one merchant is read, so a filter, which lists many, is refused.
        /// </summary>
        /// <exception cref="Errors.DinteroValidationException">Every problem of the query; nothing may be sent.</exception>
        public static AccountQuery Create(string? search, IReadOnlyList<string>? connections, IReadOnlyList<string>? statuses, IReadOnlyList<string>? progression, int limit, bool oneMerchant = false)
        {
            var problems = new ProblemCollector();
            if (oneMerchant && (search != null || connections != null || statuses != null || progression != null))
            {
                problems.Add(AccountIdNames.Parameter, $"reads one merchant, and -Search, -{ConnectionTypeNames.Parameter}, -ConnectionStatus and -Progression list many: give one or the other.");
            }
            var kinds = (connections ?? Array.Empty<string>()).Select((name, i) => problems.Named(name, ConnectionKinds.Names, $"{ConnectionTypeNames.Parameter}[{i}]", "connection type")).ToList();
            var known = (statuses ?? Array.Empty<string>()).Select((status, i) => problems.Named(status, KnownValues.ConnectionStatuses, $"ConnectionStatus[{i}]", "connection status")).ToList();
            CursorPaging.CheckLimit(limit, "PageSize", problems);
            problems.ThrowIfAny("The merchant query");
            return new AccountQuery
            {
                Search = search,
                Connections = kinds.Select(name => ConnectionKinds.Named(name)).ToList(),
                ConnectionStatus = known!,
                Progression = progression ?? Array.Empty<string>(),
                Limit = limit,
            };
        }

        /// <summary>The query string of one page, from <c>?</c>.</summary>
        public string ToQueryString(string? startingAfter)
        {
            CursorPaging.ThrowIfNotLimit(Limit, nameof(Limit));
            var parameters = new List<string> { "limit=" + Limit };
            if (!string.IsNullOrWhiteSpace(Search)) parameters.Add("search=" + Uri.EscapeDataString(Search!.Trim()));
            // The settings' connections key of each kind (payex, not PayEx): the names Dintero's filter takes.
            parameters.AddRange(Connections.Select(kind => kind.SettingsPath[0]).Distinct().Select(name => "connections=" + Uri.EscapeDataString(name)));
            parameters.AddRange(ConnectionStatus.Select(status => "connection_status=" + Uri.EscapeDataString(status)));
            parameters.AddRange(Progression.Select(progression => "progression=" + Uri.EscapeDataString(progression)));
            if (startingAfter != null) parameters.Add("starting_after=" + Uri.EscapeDataString(startingAfter));
            return "?" + string.Join("&", parameters);
        }
    }
}
