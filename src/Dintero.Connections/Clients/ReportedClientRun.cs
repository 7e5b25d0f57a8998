using System.Collections.Generic;
using System.Management.Automation;
using Dintero.Connections.Binding;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Http;
using Dintero.Connections.Models;
using Dintero.Connections.Signups;

namespace Dintero.Connections.Clients
{
    /// <summary>
    /// New-DinteroApiClient's run on the cmdlet's side, as Signups/ReportedRun is a signup command's: the engine's
    /// <see cref="ApiClientSetup"/> (made with the first record's client), and with -ReportVariable the rows of
    /// <see cref="ClientReport"/> kept in the variable as they come, never a secret among them.
    /// </summary>
    internal sealed class ReportedClientRun : BatchReport<ApiClientOutcome>
    {
        /// <summary>What views and Format-Table key on.</summary>
        public const string TypeName = "Dintero.Connections.ApiClientReport";

        private readonly bool force;
        private readonly string command;
        private readonly string? variable;
        private readonly ReportRows? rows;
        private readonly Dictionary<BatchItem, ApiClientRequest> asked = new Dictionary<BatchItem, ApiClientRequest>();
        private ApiClientSetup? setup;

        public ReportedClientRun(bool force, string command, string? variable, SessionState sessionState)
        {
            this.force = force;
            this.command = command;
            this.variable = variable;
            rows = ReportRows.In(variable, sessionState, TypeName);
        }

        public ApiClientSetup For(DinteroClient client) => setup ??= new ApiClientSetup(client, force);

        /// <summary>What a record asked for, for its row (a failure has no outcome to say it).</summary>
        public void Asked(BatchItem item, ApiClientRequest request)
        {
            lock (asked) asked[item] = request;
        }

        public override void Record(BatchItem item, BatchEnd<ApiClientOutcome> end)
        {
            if (rows == null) return;
            ApiClientRequest? request;
            lock (asked) asked.TryGetValue(item, out request);
            var row = item.Index ?? 0;
            var input = item.Plain;
            var cells = end.Kind switch
            {
                BatchEndKind.Succeeded => ClientReport.Of(row, end.Result, request, input),
                BatchEndKind.Failed => ClientReport.OfFailure(row, item.AccountShown, request, end.Failure!, input),
                BatchEndKind.NotSent => ClientReport.OfDeclined(row, item.AccountShown, request, input),
                BatchEndKind.Abandoned => ClientReport.OfNotSent(row, item.AccountShown, request, input),
                _ => ClientReport.OfStopped(row, item.AccountShown, request, input),
            };
            rows.Add(cells);
        }

        public override string OutcomeOf(ApiClientOutcome result) => result.Outcome.ToString();

        public override string? Resume(IReadOnlyList<KeyValuePair<string, int>> outcomes, bool ended) =>
            SignupReport.Resume(command, variable, ReportRows.Counts(outcomes), ended);
    }
}
