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
        private static readonly string[] AccountColumns = { "account_id", "aid", "AccountId" };

        /// <summary>A row that did not fail: created, skipped, or what -WhatIf would do.</summary>
        public static IReadOnlyList<KeyValuePair<string, object?>> Of<TConnection>(int row, SignupOutcome<TConnection> outcome, object? plainInput) where TConnection : Connection =>
            Row(row, outcome.Outcome, outcome.AccountId, outcome.ConnectionType, outcome.Status, outcome.Connection?.signature_link, null, outcome.Reason, null, plainInput);

        /// <summary>A row that failed: Unknown when the signup may have been stored (the next run reads it back), else Failed.</summary>
        public static IReadOnlyList<KeyValuePair<string, object?>> OfFailure(int row, string? accountId, string connectionType, Exception failure, object? plainInput)
        {
            var report = ErrorReport.From(failure);
            return Row(row, OutcomeOf(failure), accountId, connectionType, null, null, report.ErrorId, report.Message, report.RecommendedAction, plainInput);
        }

        /// <summary>Failed, or Unknown when what was asked may have been done (<see cref="DinteroException.OutcomeUnknown"/>).</summary>
        public static RowOutcome OutcomeOf(Exception failure) => failure is DinteroException { OutcomeUnknown: true } ? RowOutcome.Unknown : RowOutcome.Failed;

        /// <summary>A row in flight when the command was stopped: it may have reached Dintero.</summary>
        public static IReadOnlyList<KeyValuePair<string, object?>> OfStopped(int row, string? accountId, string connectionType, object? plainInput) =>
            Row(row, RowOutcome.Unknown, accountId, connectionType, null, null, StoppedErrorId, "The command was stopped while this signup was on its way; it may have reached Dintero.",
                "Run the same input again: a connection that was created is read back and skipped.", plainInput);

        /// <summary>The ErrorId of a row in flight at a stop.</summary>
        public const string StoppedErrorId = "Dintero.Stopped";

        /// <summary>A row a declined -Confirm kept back: nothing was sent.</summary>
        public static IReadOnlyList<KeyValuePair<string, object?>> OfDeclined(int row, string? accountId, string connectionType, object? plainInput) =>
            Row(row, RowOutcome.Skipped, accountId, connectionType, null, null, null, "Not sent: declined at -Confirm.", null, plainInput);

        /// <summary>
        /// The one command that goes on from a report held in <paramref name="reportVariable"/>: the rows still to do (failed,
        /// unknown, in flight at a stop), or for a -WhatIf plan the rows it would create; null when there is nothing to go on with.
        /// </summary>
        /// <param name="command">The cmdlet, e.g. <c>New-DinteroCommonConnection</c>.</param>
        /// <param name="reportVariable">-ReportVariable's name; null when none was given.</param>
        /// <param name="counts">Rows by outcome.</param>
        public static string? Resume(string command, string? reportVariable, IReadOnlyDictionary<RowOutcome, int> counts)
        {
            int Count(RowOutcome outcome) => counts.TryGetValue(outcome, out var n) ? n : 0;
            // A plan (-WhatIf) goes on by being run; its failed rows are bad input, to be mended first.
            if (Count(RowOutcome.WouldCreate) + Count(RowOutcome.WouldSkip) > 0)
            {
                if (Count(RowOutcome.WouldCreate) == 0) return null;
                return reportVariable == null
                    ? $"To keep the plan, add -ReportVariable plan; then run it with: $plan | Where-Object outcome -eq 'WouldCreate' | {command}"
                    : $"To run the plan: ${reportVariable} | Where-Object outcome -eq 'WouldCreate' | {command} -ReportVariable {reportVariable}";
            }
            if (Count(RowOutcome.Failed) + Count(RowOutcome.Unknown) > 0)
            {
                return reportVariable == null
                    ? $"To go on, pipe the same input into {command} again: created rows are skipped, unknown ones read back, failed ones sent (add -ReportVariable report to keep a report to go on from)."
                    : $"To go on with the rows still to do: ${reportVariable} | Where-Object outcome -in 'Failed', 'Unknown' | {command} -ReportVariable {reportVariable}";
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
            foreach (var column in InputColumns(plainInput))
            {
                if (AccountColumns.Contains(column.Key, StringComparer.OrdinalIgnoreCase) || !taken.Add(column.Key)) continue;
                cells.Add(column);
            }
            return cells;
        }

        private static KeyValuePair<string, object?> Cell(string name, object? value) => new KeyValuePair<string, object?>(name, value);

        /// <summary>
        /// The input as flat columns: a sheet's row as it is, a hashtable's nesting as dotted keys (<c>revenue.currency</c>,
        /// <c>payment_options[0].type</c>), a list of plain values joined with ';'. What the binder reads back.
        /// </summary>
        public static IEnumerable<KeyValuePair<string, object?>> InputColumns(object? plainInput)
        {
            var map = plainInput switch
            {
                IDictionary dictionary => dictionary,
                string json when json.TrimStart().StartsWith("{", StringComparison.Ordinal) => SafeParse(json) as IDictionary,
                DinteroModel model => SafeParse(DinteroJson.Serialize(model)) as IDictionary,
                _ => null,
            };
            if (map == null) yield break;
            foreach (DictionaryEntry entry in map)
            {
                foreach (var cell in Flatten(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty, entry.Value)) yield return cell;
            }
        }

        private static object? SafeParse(string json)
        {
            try
            {
                return DinteroJson.ParsePlain(json);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        private static IEnumerable<KeyValuePair<string, object?>> Flatten(string key, object? value)
        {
            switch (value)
            {
                case null:
                case string _:
                    yield return Cell(key, value);
                    break;
                case IDictionary nested:
                    foreach (DictionaryEntry entry in nested)
                    {
                        foreach (var cell in Flatten(key + "." + Convert.ToString(entry.Key, CultureInfo.InvariantCulture), entry.Value)) yield return cell;
                    }
                    break;
                case IEnumerable list:
                    var items = list.Cast<object?>().ToList();
                    if (items.All(item => !(item is IDictionary) && !(item is IList)))
                    {
                        yield return Cell(key, string.Join(";", items.Select(Text)));
                        break;
                    }
                    for (var i = 0; i < items.Count; i++)
                    {
                        foreach (var cell in Flatten($"{key}[{i}]", items[i])) yield return cell;
                    }
                    break;
                default:
                    yield return Cell(key, value);
                    break;
            }
        }

        private static string Text(object? value) => value switch
        {
            null => string.Empty,
            bool flag => flag ? "true" : "false",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
    }
}
