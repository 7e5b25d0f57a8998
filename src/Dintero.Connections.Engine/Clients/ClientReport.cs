using System;
using System.Collections.Generic;
using System.Linq;
using Dintero.Connections.Errors;
using Dintero.Connections.Models;
using Dintero.Connections.Signups;

namespace Dintero.Connections.Clients
{
    /// <summary>
    /// One row per input of New-DinteroApiClient (-ReportVariable): what became of it (<see cref="RowOutcome"/>), the
    /// account, what was asked (name, description, scopes joined with ';', grant type), the client's client_id and id, and for
    /// a failure its ErrorId, message and what to do; then the input's own columns, flat, as <see cref="SignupReport"/> writes
    /// them, so that Export-Csv writes it and a later run takes it back (its columns bind by property name). Never the secret:
    /// it is not among the cells, and an input column named like one is left out.
    /// </summary>
    public static class ClientReport
    {
        /// <summary>The report's own columns, in order; a later run's binder ignores them.</summary>
        public static readonly IReadOnlyList<string> Columns = new[] { "row", "outcome", "account_id", "name", "description", "scope", "grant_type", "client_id", "id", "error_id", "message", "action" };

        // The input's columns the report's own hold, or that must never be written (a secret someone put in the sheet).
        private static readonly string[] Left = Parameters.AccountIdNames.All.Concat(new[] { "client_secret", "secret", "Credential" }).ToArray();

        public static IReadOnlyList<KeyValuePair<string, object?>> Of(int row, ApiClientOutcome outcome, ApiClientRequest? asked, object? plainInput) =>
            Row(row, outcome.Outcome, outcome.AccountId, asked, outcome.Client?.client_id, outcome.Client?.id, null, outcome.Reason, null, plainInput);

        public static IReadOnlyList<KeyValuePair<string, object?>> OfFailure(int row, string? accountId, ApiClientRequest? asked, Exception failure, object? plainInput)
        {
            var report = ErrorReport.From(failure);
            var left = (failure as DinteroRollbackException)?.LeftBehind;
            return Row(row, SignupReport.OutcomeOf(failure), accountId, asked, null, left, report.ErrorId, report.Message, report.RecommendedAction, plainInput);
        }

        public static IReadOnlyList<KeyValuePair<string, object?>> OfStopped(int row, string? accountId, ApiClientRequest? asked, object? plainInput) =>
            Row(row, RowOutcome.Unknown, accountId, asked, null, null, SignupReport.StoppedErrorId, "The command was stopped while this client was being made; it may have been made.",
                "Run the same input again: a client made with its grant is skipped, one without is made anew.", plainInput);

        public static IReadOnlyList<KeyValuePair<string, object?>> OfDeclined(int row, string? accountId, ApiClientRequest? asked, object? plainInput) =>
            Row(row, RowOutcome.Skipped, accountId, asked, null, null, null, SignupReport.Declined, null, plainInput);

        public static IReadOnlyList<KeyValuePair<string, object?>> OfNotSent(int row, string? accountId, ApiClientRequest? asked, object? plainInput) =>
            Row(row, RowOutcome.NotSent, accountId, asked, null, null, null, SignupReport.NotSentMessage, SignupReport.SameInputAgain, plainInput);

        private static IReadOnlyList<KeyValuePair<string, object?>> Row(int row, RowOutcome outcome, string? accountId, ApiClientRequest? asked, string? clientId, string? id, string? errorId, string? message, string? action, object? plainInput)
        {
            var cells = new List<KeyValuePair<string, object?>>
            {
                Cell("row", row), Cell("outcome", outcome.ToString()), Cell("account_id", accountId), Cell("name", asked?.Name), Cell("description", asked?.Description),
                Cell("scope", asked == null ? null : string.Join(";", asked.Scopes)), Cell("grant_type", asked?.GrantType), Cell("client_id", clientId),
                Cell("id", id), Cell("error_id", errorId), Cell("message", message), Cell("action", action),
            };
            var taken = new HashSet<string>(Columns, StringComparer.OrdinalIgnoreCase);
            foreach (var column in Rows.RecordColumns.Of(plainInput))
            {
                if (Left.Contains(column.Key, StringComparer.OrdinalIgnoreCase) || !taken.Add(column.Key)) continue;
                cells.Add(column);
            }
            return cells;
        }

        private static KeyValuePair<string, object?> Cell(string name, object? value) => new KeyValuePair<string, object?>(name, value);
    }
}
