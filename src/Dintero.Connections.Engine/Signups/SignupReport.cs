using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dintero.Connections.Errors;
using Dintero.Connections.Json;
using Dintero.Connections.Models;

namespace Dintero.Connections.Signups
{
    /// <summary>
    /// One row per input of a signup command (-ReportVariable): what became of it (<see cref="RowOutcome"/>), the account,
    /// the kind, the status, the signature link, and for a failure its ErrorId, message and what to do; then the input's
    /// own columns, flat (dotted keys, lists joined with ';', as a sheet has them), so that Export-Csv writes it and a later
    /// run takes it back as input (the report's own <see cref="Columns"/> are keys the signup cmdlets' binder ignores).
    /// </summary>
    public static class SignupReport
    {
        /// <summary>The report's own columns, in order; a later run's binder ignores them.</summary>
        /// <remarks>Snake case, as the connections' own properties: account_id and connection_type bind by property name to
        /// -AccountId and -Type of the next cmdlet (Wait-DinteroConnection, Get-DinteroConnection).</remarks>
        public static readonly IReadOnlyList<string> Columns = new[] { "row", "outcome", "account_id", "connection_type", "status", "signature_link", "error_id", "message", "action" };

        // The input's account columns: the report's account_id holds the account the row was for.
        private static readonly string[] AccountColumns = Parameters.AccountIdNames.All.ToArray();

        /// <summary>A row that did not fail: created, skipped, or what -WhatIf would do.</summary>
        public static IReadOnlyList<KeyValuePair<string, object?>> Of<TConnection>(int row, SignupOutcome<TConnection> outcome, object? plainInput) where TConnection : Connection =>
            Row(row, outcome.Outcome, outcome.AccountId, outcome.ConnectionType, outcome.Status, outcome.Connection?.signature_link, null, outcome.Reason, null, plainInput);

        /// <summary>A row that failed: Unknown when the signup may have been stored (the next run reads it back), else Failed.</summary>
        public static IReadOnlyList<KeyValuePair<string, object?>> OfFailure(int row, string? accountId, string connectionType, Exception failure, object? plainInput)
        {
            var report = ErrorReport.From(failure);
            return Row(row, OutcomeOf(failure), accountId, connectionType, null, null, report.ErrorId, report.Message, report.RecommendedAction, plainInput);
        }

        /// <summary>
        /// How a failed row counts: Unknown when what was asked may have been done (<see cref="DinteroException.OutcomeUnknown"/>),
        /// NotSent when it was never sent (Dintero had asked the client to wait longer than it waits by itself), else Failed.
        /// The one rule, for the report and the summary.
        /// </summary>
        public static RowOutcome OutcomeOf(Exception failure) => failure switch
        {
            DinteroException { OutcomeUnknown: true } => RowOutcome.Unknown,
            DinteroApiException { NotSent: true } => RowOutcome.NotSent,
            _ => RowOutcome.Failed,
        };

        /// <summary>A row in flight when the command was stopped: it may have reached Dintero.</summary>
        public static IReadOnlyList<KeyValuePair<string, object?>> OfStopped(int row, string? accountId, string connectionType, object? plainInput) =>
            Row(row, RowOutcome.Unknown, accountId, connectionType, null, null, StoppedErrorId, "The command was stopped while this signup was on its way; it may have reached Dintero.",
                "Run the same input again: a connection that was created is read back and skipped.", plainInput);

        /// <summary>The ErrorId of a row in flight at a stop.</summary>
        public const string StoppedErrorId = "Dintero.Stopped";

        /// <summary>A row a declined -Confirm kept back: nothing was sent.</summary>
        public static IReadOnlyList<KeyValuePair<string, object?>> OfDeclined(int row, string? accountId, string connectionType, object? plainInput) =>
            Row(row, RowOutcome.Skipped, accountId, connectionType, null, null, null, Declined, null, plainInput);

        /// <summary>A row whose turn never came: the command ended first (a terminating error, a stop). Nothing was sent.</summary>
        public static IReadOnlyList<KeyValuePair<string, object?>> OfNotSent(int row, string? accountId, string connectionType, object? plainInput) =>
            Row(row, RowOutcome.NotSent, accountId, connectionType, null, null, null, NotSentMessage, SameInputAgain, plainInput);

        /// <summary>What a report says of a row a declined -Confirm kept back.</summary>
        public const string Declined = "Not sent: declined at -Confirm.";

        /// <summary>What a report says of a row whose turn never came.</summary>
        public const string NotSentMessage = "Not sent: the command ended before this row's turn.";

        /// <summary>How a run that ended early goes on: only what is not done is sent, and the rows it never read are in no report.</summary>
        public const string SameInputAgain = "Run the same input again: what was done is skipped, what may have been done is read back, the rest is sent.";

        /// <summary>
        /// The one command that goes on from a report held in <paramref name="reportVariable"/>: the rows still to do (failed,
        /// unknown, in flight at a stop), or for a -WhatIf plan the rows it would create; null when there is nothing to go on with.
        /// A run that ended before its input did goes on with the same input again: the rows it never read are in no report.
        /// </summary>
        /// <param name="command">The cmdlet, e.g. <c>New-DinteroCommonConnection</c>.</param>
        /// <param name="reportVariable">-ReportVariable's name; null when none was given.</param>
        /// <param name="counts">Rows by outcome.</param>
        /// <param name="ended">True when the command ended before its input did.</param>
        public static string? Resume(string command, string? reportVariable, IReadOnlyDictionary<RowOutcome, int> counts, bool ended = false)
        {
            int Count(RowOutcome outcome) => counts.TryGetValue(outcome, out var n) ? n : 0;
            // A plan (-WhatIf) goes on by being run; its failed rows are bad input, to be mended first.
            if (Count(RowOutcome.WouldCreate) + Count(RowOutcome.WouldSkip) > 0 && !ended)
            {
                if (Count(RowOutcome.WouldCreate) == 0) return null;
                return reportVariable == null
                    ? $"To keep the plan, add -ReportVariable plan; then run it with: $plan | Where-Object outcome -eq 'WouldCreate' | {command}"
                    : $"To run the plan: ${reportVariable} | Where-Object outcome -eq 'WouldCreate' | {command} -ReportVariable {reportVariable}";
            }
            if (ended)
            {
                return $"To go on, pipe the same input into {command} again: rows done are skipped, rows that may have been done are read back, and only the rest is sent (the rows after the stop are in no report).";
            }
            if (Count(RowOutcome.Failed) + Count(RowOutcome.Unknown) + Count(RowOutcome.NotSent) > 0)
            {
                return reportVariable == null
                    ? $"To go on, pipe the same input into {command} again: created rows are skipped, unknown ones read back, failed ones sent (add -ReportVariable report to keep a report to go on from)."
                    : $"To go on with the rows still to do: ${reportVariable} | Where-Object outcome -in 'Failed', 'Unknown', 'NotSent' | {command} -ReportVariable {reportVariable}";
            }
            return null;
        }

        private static IReadOnlyList<KeyValuePair<string, object?>> Row(int row, RowOutcome outcome, string? accountId, string connectionType, string? status, string? link, string? errorId, string? message, string? action, object? plainInput)
        {
            var cells = new List<KeyValuePair<string, object?>>
            {
                Cell("row", row), Cell("outcome", outcome.ToString()), Cell("account_id", accountId), Cell("connection_type", connectionType), Cell("status", status),
                Cell("signature_link", link), Cell("error_id", errorId), Cell("message", message), Cell("action", action),
            };
            var taken = new HashSet<string>(Columns, StringComparer.OrdinalIgnoreCase);
            foreach (var column in Rows.RecordColumns.Of(plainInput))
            {
                if (AccountColumns.Contains(column.Key, StringComparer.OrdinalIgnoreCase) || !taken.Add(column.Key)) continue;
                cells.Add(column);
            }
            return cells;
        }

        private static KeyValuePair<string, object?> Cell(string name, object? value) => new KeyValuePair<string, object?>(name, value);

    }
}
