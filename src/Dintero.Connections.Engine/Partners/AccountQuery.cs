using System;
using System.Collections.Generic;
using System.Linq;
using Dintero.Connections.Kinds;
using Dintero.Connections.Paging;

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

        /// <summary>The page size asked for, 1 to 100.</summary>
        public int Limit { get; set; } = CursorPaging.MaxLimit;

        /// <summary>The query string of one page, from <c>?</c>.</summary>
        public string ToQueryString(string? startingAfter)
        {
            if (Limit < 1 || Limit > CursorPaging.MaxLimit) throw new ArgumentOutOfRangeException(nameof(Limit), $"Dintero's page size is 1 to {CursorPaging.MaxLimit}.");
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
