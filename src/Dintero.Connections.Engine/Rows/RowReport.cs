using System;
using System.Collections.Generic;
using System.Linq;
using Dintero.Connections.Errors;

namespace Dintero.Connections.Rows
{
    /// <summary>
    /// One row per input of a command that makes something per row (-ReportVariable): what became of it
    /// (<see cref="RowOutcome"/>), the account, the creator's own columns (<see cref="RowSpec{TAsk, TMade}.Columns"/>), and for a
    /// failure its ErrorId, message and what to do; then the input's own columns, flat (<see cref="RecordColumns"/>), so that
    /// Export-Csv writes it and a later run takes it back as input (the report's own columns are keys the binder ignores).
    /// Never a secret: none is among the creator's cells, and an input column a creator names as one is left out.
    /// </summary>
    public static class RowReport
    {
        /// <summary>The ErrorId of a row in flight at a stop.</summary>
        public const string StoppedErrorId = ErrorIds.Stopped;

        /// <summary>What a report says of a row a declined -Confirm kept back.</summary>
        public const string Declined = "Not sent: declined at -Confirm.";

        /// <summary>What a report says of a row whose turn never came.</summary>
        public const string NotSentMessage = "Not sent: the command ended before this row's turn.";

        /// <summary>How a run that ended early goes on: only what is not done is sent, and the rows it never read are in no report.</summary>
        public const string SameInputAgain = "Run the same input again: what was done is skipped, what may have been done is read back, the rest is sent.";

        /// <summary>The report's own columns for a creator, in order; a later run's binder ignores them.</summary>
        /// <remarks>Snake case, as Dintero's own properties: account_id (and a signup's connection_type) bind by property name to the next cmdlet.</remarks>
        public static IReadOnlyList<string> Columns<TAsk, TMade>(RowSpec<TAsk, TMade> spec)
            where TAsk : class
            where TMade : class =>
            new[] { "row", "outcome", "account_id" }.Concat(spec.Columns).Concat(new[] { "error_id", "message", "action" }).ToList();

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

        /// <summary>A row that did not fail: created, skipped, or what -WhatIf would do.</summary>
        public static IReadOnlyList<KeyValuePair<string, object?>> Of<TAsk, TMade>(RowSpec<TAsk, TMade> spec, int row, RowResult<TMade> result, TAsk? ask, object? plainInput)
            where TAsk : class
            where TMade : class =>
            Row(spec, row, result.Outcome, result.AccountId, spec.Cells(ask, result.Made, null), null, result.Reason, null, plainInput, ask == null);

        /// <summary>A row that failed: Unknown when it may have been stored (the next run reads it back), else Failed.</summary>
        public static IReadOnlyList<KeyValuePair<string, object?>> OfFailure<TAsk, TMade>(RowSpec<TAsk, TMade> spec, int row, string? accountId, TAsk? ask, Exception failure, object? plainInput)
            where TAsk : class
            where TMade : class
        {
            var report = ErrorReport.From(failure);
            return Row(spec, row, OutcomeOf(failure), accountId, spec.Cells(ask, null, failure), report.ErrorId, report.Message, report.RecommendedAction, plainInput, ask == null);
        }

        /// <summary>A row in flight when the command was stopped: it may have reached Dintero.</summary>
        public static IReadOnlyList<KeyValuePair<string, object?>> OfStopped<TAsk, TMade>(RowSpec<TAsk, TMade> spec, int row, string? accountId, TAsk? ask, object? plainInput)
            where TAsk : class
            where TMade : class =>
            Row(spec, row, RowOutcome.Unknown, accountId, spec.Cells(ask, null, null), StoppedErrorId, $"The command was stopped while {spec.This} was on its way; it may have reached Dintero.",
                "Run the same input again: what was stored is found and skipped, what may have been is read back.", plainInput, ask == null);

        /// <summary>A row a declined -Confirm kept back: nothing was sent.</summary>
        public static IReadOnlyList<KeyValuePair<string, object?>> OfDeclined<TAsk, TMade>(RowSpec<TAsk, TMade> spec, int row, string? accountId, TAsk? ask, object? plainInput)
            where TAsk : class
            where TMade : class =>
            Row(spec, row, RowOutcome.Skipped, accountId, spec.Cells(ask, null, null), null, Declined, null, plainInput, ask == null);

        /// <summary>A row whose turn never came: the command ended first (a terminating error, a stop). Nothing was sent.</summary>
        public static IReadOnlyList<KeyValuePair<string, object?>> OfNotSent<TAsk, TMade>(RowSpec<TAsk, TMade> spec, int row, string? accountId, TAsk? ask, object? plainInput)
            where TAsk : class
            where TMade : class =>
            Row(spec, row, RowOutcome.NotSent, accountId, spec.Cells(ask, null, null), null, NotSentMessage, SameInputAgain, plainInput, ask == null);

        /// <summary>
        /// The one command that goes on from a report held in <paramref name="reportVariable"/>: the rows still to do (failed,
        /// unknown, in flight at a stop), or for a -WhatIf plan the rows it would create; null when there is nothing to go on with.
        /// A run that ended before its input did goes on with the same input again: the rows it never read are in no report.
        /// </summary>
        /// <param name="command">The cmdlet, e.g. <c>New-DinteroCommonConnection</c>.</param>
        /// <param name="reportVariable">-ReportVariable's name; null when none was given.</param>
        /// <param name="counts">Rows by outcome.</param>
        /// <param name="ended">True when the command ended before its input did.</param>
        /// <param name="givenAgain">
        /// What the command must be given again, that no report row holds (a secret, a switch), e.g. <c>-Secret $secret</c>,
        /// and the sentence that says how (a placeholder to fill); null when a row holds all.
        /// </param>
        public static string? Resume(string command, string? reportVariable, IReadOnlyDictionary<RowOutcome, int> counts, bool ended = false, GivenAgain? givenAgain = null)
        {
            int Count(RowOutcome outcome) => counts.TryGetValue(outcome, out var n) ? n : 0;
            var again = givenAgain == null ? command : $"{command} {givenAgain.Arguments}";
            var note = givenAgain?.Note == null ? string.Empty : " " + givenAgain.Note;
            // A plan (-WhatIf) goes on by being run, into a report of its own (the plan is kept); its failed rows are bad
            // input, to be mended first.
            if (Count(RowOutcome.WouldCreate) + Count(RowOutcome.WouldSkip) > 0 && !ended)
            {
                if (Count(RowOutcome.WouldCreate) == 0) return null;
                var plan = reportVariable ?? "plan";
                var run = plan == "report" ? "ran" : "report";
                return (reportVariable == null
                    ? $"To keep the plan, add -ReportVariable plan; then run it with: $plan | Where-Object outcome -eq 'WouldCreate' | {again} -ReportVariable {run}"
                    : $"To run the plan: ${plan} | Where-Object outcome -eq 'WouldCreate' | {again} -ReportVariable {run}") + note;
            }
            if (ended)
            {
                return $"To go on, pipe the same input into {again} again: rows done are skipped, rows that may have been done are read back, and only the rest is sent (the rows it never read are in no report)." + note;
            }
            if (Count(RowOutcome.Failed) + Count(RowOutcome.Unknown) + Count(RowOutcome.NotSent) > 0)
            {
                return (reportVariable == null
                    ? $"To go on, pipe the same input into {again} again: created rows are skipped, unknown ones read back, failed ones sent (add -ReportVariable report to keep a report to go on from)."
                    : $"To go on with the rows still to do: ${reportVariable} | Where-Object outcome -in 'Failed', 'Unknown', 'NotSent' | {again} -ReportVariable {reportVariable}") + note;
            }
            return null;
        }

        private static IReadOnlyList<KeyValuePair<string, object?>> Row<TAsk, TMade>(RowSpec<TAsk, TMade> spec, int row, RowOutcome outcome, string? accountId, IEnumerable<object?> own, string? errorId, string? message, string? action, object? plainInput, bool nothingAsked)
            where TAsk : class
            where TMade : class
        {
            var input = RecordColumns.Of(plainInput).ToList();
            var cells = new List<KeyValuePair<string, object?>> { Cell("row", row), Cell("outcome", outcome.ToString()), Cell("account_id", accountId) };
            // A row refused before what it asks for was known keeps what it gave under the report's own names, so that the
            // report, mended and run again, asks for it.
            cells.AddRange(spec.Columns.Zip(own, (column, value) => Cell(column, value ?? (nothingAsked ? input.FirstOrDefault(cell => string.Equals(cell.Key, column, StringComparison.OrdinalIgnoreCase)).Value : null))));
            cells.Add(Cell("error_id", errorId));
            cells.Add(Cell("message", message));
            cells.Add(Cell("action", action));
            var taken = new HashSet<string>(cells.Select(cell => cell.Key), StringComparer.OrdinalIgnoreCase);
            taken.UnionWith(RowAccount.Keys);
            taken.UnionWith(spec.NeverCopied);
            foreach (var column in input)
            {
                if (taken.Add(column.Key)) cells.Add(column);
            }
            return cells;
        }

        private static KeyValuePair<string, object?> Cell(string name, object? value) => new KeyValuePair<string, object?>(name, value);
    }
}
