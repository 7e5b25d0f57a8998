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
    /// One row per input of a signup command (-ReportVariable): what became of it (outcome Created, Skipped, Failed, Unknown),
    /// the account, the kind, the status, the signature link, and for a failure its ErrorId, message and what to do;
    /// then the input's own columns, flat (dotted keys, lists joined with ';', as a sheet has them), so that Export-Csv
    /// writes it and a later run takes it back as input: the report's own columns are not signup fields, and the binder
    /// drops them (<see cref="Columns"/>).
    /// </summary>
    public static class RunReport
    {
        public const string Created = "Created";
        public const string Skipped = "Skipped";
        public const string Failed = "Failed";
        public const string Unknown = "Unknown";

        /// <summary>The report's own columns, in order; a later run's binder ignores them.</summary>
        /// <remarks>Snake case, as the connections' own properties: account_id and connection_type bind by property name to
        /// -AccountId and -Type of the next cmdlet (Wait-DinteroConnection, Get-DinteroConnection).</remarks>
        public static readonly IReadOnlyList<string> Columns = new[] { "row", "outcome", "account_id", "connection_type", "status", "signature_link", "error_id", "message", "action" };

        // The input's account columns: the report's account_id holds the account the row was for.
        private static readonly string[] AccountColumns = { "account_id", "aid", "AccountId" };

        /// <summary>A row that did not fail.</summary>
        public static IReadOnlyList<KeyValuePair<string, object?>> Of<TConnection>(int row, SignupOutcome<TConnection> outcome, object? plainInput) where TConnection : Connection =>
            Row(row, outcome.Result == SignupResult.Created ? Created : Skipped, outcome.AccountId, outcome.ConnectionType, outcome.Status, outcome.Connection?.signature_link, null, outcome.Reason, null, plainInput);

        /// <summary>A row that failed: Unknown when the signup may have been stored (the next run reads it back), else Failed.</summary>
        public static IReadOnlyList<KeyValuePair<string, object?>> OfFailure(int row, string? accountId, string connectionType, Exception failure, object? plainInput)
        {
            var report = ErrorReport.From(failure);
            // SignupRun settles every lost answer it can by reading back: what stays unknown is a transport failure that says so.
            var outcome = failure is DinteroTransportException { RequestMayHaveReachedServer: true } ? Unknown : Failed;
            return Row(row, outcome, accountId, connectionType, null, null, report.ErrorId, report.Message, report.RecommendedAction, plainInput);
        }

        /// <summary>A row in flight when the command was stopped: it may have reached Dintero.</summary>
        public static IReadOnlyList<KeyValuePair<string, object?>> OfStopped(int row, string? accountId, string connectionType, object? plainInput) =>
            Row(row, Unknown, accountId, connectionType, null, null, "Dintero.Stopped", "The command was stopped while this signup was on its way; it may have reached Dintero.",
                "Run the same input again: a connection that was created is read back and skipped.", plainInput);

        /// <summary>A row -WhatIf or -Confirm kept back: nothing was sent.</summary>
        public static IReadOnlyList<KeyValuePair<string, object?>> OfDeclined(int row, string? accountId, string connectionType, object? plainInput) =>
            Row(row, Skipped, accountId, connectionType, null, null, null, "Not sent: -WhatIf, or declined at -Confirm.", null, plainInput);

        private static IReadOnlyList<KeyValuePair<string, object?>> Row(int row, string outcome, string? accountId, string connectionType, string? status, string? link, string? errorId, string? message, string? action, object? plainInput)
        {
            var cells = new List<KeyValuePair<string, object?>>
            {
                Cell("row", row), Cell("outcome", outcome), Cell("account_id", accountId), Cell("connection_type", connectionType), Cell("status", status),
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
