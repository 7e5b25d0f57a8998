using System.Collections.Generic;
using System.Management.Automation;
using Dintero.Connections.Binding;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Http;
using Dintero.Connections.Models;

namespace Dintero.Connections.Signups
{
    /// <summary>
    /// A signup command's run on the cmdlet's side, as Waiting/ConnectionWatch is Wait-DinteroConnection's: the engine's
    /// <see cref="SignupRun"/> (made with the first record's client), and the report of the run, told of every row's end by
    /// the batch. With -ReportVariable, the rows (the engine's <see cref="SignupReport"/> decides their columns) are kept in
    /// the variable's list as they come, so that a stopped command leaves the rows it got to, those in flight as Unknown.
    /// </summary>
    internal sealed class ReportedRun<TConnection> : BatchReport<SignupOutcome<TConnection>>
        where TConnection : Connection, new()
    {
        /// <summary>What views and Format-Table key on.</summary>
        public const string TypeName = "Dintero.Connections.SignupReport";

        private readonly string kindName;
        private readonly bool force;
        private readonly string command;
        private readonly string? variable;
        private readonly ReportRows? rows;
        private SignupRun? run;

        /// <param name="kindName">The kind signed up, as -Type names it.</param>
        /// <param name="force">-Force (or Vipps's -Restart): every row sent as given.</param>
        /// <param name="command">The cmdlet's name, for the command that goes on.</param>
        /// <param name="variable">-ReportVariable's name; null when none was given.</param>
        /// <param name="sessionState">Where the variable is set: the caller's scope, as -ErrorVariable is.</param>
        public ReportedRun(string kindName, bool force, string command, string? variable, SessionState sessionState)
        {
            this.kindName = kindName;
            this.force = force;
            this.command = command;
            this.variable = variable;
            rows = ReportRows.In(variable, sessionState, TypeName);
        }

        /// <summary>The engine's run, made once for the context's client.</summary>
        public SignupRun For(DinteroClient client) => run ??= new SignupRun(client, force);

        public override void Record(BatchItem item, BatchEnd<SignupOutcome<TConnection>> end)
        {
            if (rows == null) return;
            var row = item.Index ?? 0;
            var input = item.Plain;
            var cells = end.Kind switch
            {
                BatchEndKind.Succeeded => SignupReport.Of(row, end.Result, input),
                BatchEndKind.Failed => SignupReport.OfFailure(row, item.AccountShown, kindName, end.Failure!, input),
                BatchEndKind.NotSent => SignupReport.OfDeclined(row, item.AccountShown, kindName, input),
                BatchEndKind.Abandoned => SignupReport.OfNotSent(row, item.AccountShown, kindName, input),
                _ => SignupReport.OfStopped(row, item.AccountShown, kindName, input),
            };
            rows.Add(cells);
        }

        public override string OutcomeOf(SignupOutcome<TConnection> result) => result.Outcome.ToString();

        public override string? Resume(IReadOnlyList<KeyValuePair<string, int>> outcomes, bool ended)
            => SignupReport.Resume(command, variable, ReportRows.Counts(outcomes), ended);
    }
}
