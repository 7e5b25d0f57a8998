using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Http;

namespace Dintero.Connections.Rows
{
    /// <summary>
    /// A creator command's run on the cmdlet's side (<see cref="Commands.DinteroCreatorCmdlet{TMade}"/>): the engine's
    /// <see cref="RowRunner{TAsk, TMade}"/> over the command's spec, made once with the first record's client, and the
    /// report of the run, told of every record's end by the batch: a summary in the row outcomes' words, the command
    /// that goes on, and with -ReportVariable the rows of <see cref="RowReport"/> as they come, so that a stopped command
    /// leaves the rows it got to, those in flight as Unknown.
    /// </summary>
    /// <remarks>Not generic in what a row asks for, so that the cmdlet's base type names no engine type (see DinteroCmdlet).</remarks>
    internal abstract class CreatorRun<TMade> : RecordObserver<RowResult<TMade>>
        where TMade : class
    {
        /// <summary>What a record comes to: under -WhatIf the plan, decided as the run would and nothing sent; else the row's call.</summary>
        /// <param name="item">The record.</param>
        /// <param name="planning">-WhatIf.</param>
        /// <param name="runNow">Runs an engine call on the pipeline thread (a plan's reads).</param>
        public abstract BatchCall<RowResult<TMade>> Plan(BatchItem item, bool planning, Func<Func<CancellationToken, Task<RowResult<TMade>>>, RowResult<TMade>> runNow);

        /// <summary>The report's own columns: keys a later run's binder drops without a word.</summary>
        public abstract IReadOnlyList<string> ReportColumns(BatchItem item);

        /// <summary>Sets the message and action of the record's report row, when it is the row told last (what it made was not delivered).</summary>
        public abstract void Amend(BatchItem item, string message, string action);
    }

    /// <summary>Makes a creator's run.</summary>
    internal static class CreatorRun
    {
        /// <summary>The one way a creator makes its run: the cmdlet's name, -Force, -ReportVariable and the caller's scope filled in.</summary>
        /// <param name="cmdlet">The creator.</param>
        /// <param name="specFor">Makes the command's spec for the context's client (once).</param>
        /// <param name="askOf">Binds and checks one record for its account.</param>
        public static CreatorRun<TMade> Of<TAsk, TMade>(Commands.DinteroCreatorCmdlet<TMade> cmdlet, Func<DinteroApi, RowSpec<TAsk, TMade>> specFor, Func<BatchItem, string, (TAsk Ask, string Action)> askOf)
            where TAsk : class
            where TMade : class =>
            new CreatorRun<TAsk, TMade>(specFor, askOf, cmdlet.SendsAsGiven, cmdlet.MyInvocation.MyCommand.Name, cmdlet.ReportVariable, cmdlet.SessionState, cmdlet.GivenAgain);
    }

    /// <inheritdoc cref="CreatorRun{TMade}"/>
    internal sealed class CreatorRun<TAsk, TMade> : CreatorRun<TMade>
        where TAsk : class
        where TMade : class
    {
        private readonly Func<DinteroApi, RowSpec<TAsk, TMade>> specFor;
        private readonly Func<BatchItem, string, (TAsk Ask, string Action)> askOf;
        private readonly bool force;
        private readonly string command;
        private readonly string? variable;
        private readonly ReportVariable? rows;
        private readonly GivenAgain? givenAgain;
        private RowRunner<TAsk, TMade>? runner;
        // The row told last, and its record: what it made is written right after it is told.
        private (BatchItem Item, PSObject Row)? last;

        /// <param name="specFor">Makes the command's spec for the context's client (once).</param>
        /// <param name="askOf">Binds and checks one record for its account: what it asks for (set on <see cref="BatchItem.Asked"/> before its checks, for a refused row's report).</param>
        /// <param name="force">-Force: every row sent as given.</param>
        /// <param name="command">The cmdlet's name, for the command that goes on.</param>
        /// <param name="variable">-ReportVariable's name; null when none was given.</param>
        /// <param name="sessionState">Where the variable is set: the caller's scope, as -ErrorVariable is.</param>
        /// <param name="givenAgain">What the command that goes on must be given again, which no row holds; null for nothing.</param>
        public CreatorRun(Func<DinteroApi, RowSpec<TAsk, TMade>> specFor, Func<BatchItem, string, (TAsk Ask, string Action)> askOf, bool force, string command, string? variable, SessionState sessionState, GivenAgain? givenAgain)
        {
            this.givenAgain = givenAgain;
            this.specFor = specFor;
            this.askOf = askOf;
            this.force = force;
            this.command = command;
            this.variable = variable;
            rows = ReportVariable.In(variable, sessionState);
        }

        public override BatchCall<RowResult<TMade>> Plan(BatchItem item, bool planning, Func<Func<CancellationToken, Task<RowResult<TMade>>>, RowResult<TMade>> runNow)
        {
            var run = RunnerFor(item);
            var accountId = item.ResolveAccount();
            var asked = askOf(item, accountId);
            item.Asked = asked.Ask;
            if (!planning)
            {
                // Claimed here, on the pipeline thread: the first row of the input for a key is the one sent, whatever the throttle.
                var repeat = run.Claim(accountId, item.Index, asked.Ask);
                return BatchCall.Change(asked.Action, token => repeat != null ? Task.FromResult(repeat) : run.RunAsync(accountId, item.Index, asked.Ask, token, claimed: true));
            }
            var planned = runNow(token => run.PlanAsync(accountId, item.Index, asked.Ask, token));
            var action = planned.Outcome == RowOutcome.WouldSkip ? $"Skip {run.Spec.Named(asked.Ask)}: {planned.Reason}"
                : planned.Reason == null ? asked.Action : $"{asked.Action} ({planned.Reason})";
            return BatchCall.Planned(action, planned);
        }

        public override IReadOnlyList<string> ReportColumns(BatchItem item) => RowReport.Columns(RunnerFor(item).Spec);

        public override void Record(BatchItem item, BatchEnd<RowResult<TMade>> end)
        {
            if (rows == null) return;
            // A first record refused before its plan (its account malformed) makes the run for its row.
            var spec = RunnerFor(item).Spec;
            var row = item.Index ?? 0;
            var ask = item.Asked as TAsk;
            var input = item.Plain;
            var told = rows.Add(spec.ReportTypeName, end.Kind switch
            {
                BatchEndKind.Succeeded => RowReport.Of(spec, row, end.Result, ask, input),
                BatchEndKind.Failed => RowReport.OfFailure(spec, row, item.AccountShown, ask, end.Failure!, input),
                BatchEndKind.NotSent => RowReport.OfDeclined(spec, row, item.AccountShown, ask, input),
                BatchEndKind.Abandoned => RowReport.OfNotSent(spec, row, item.AccountShown, ask, input),
                _ => RowReport.OfStopped(spec, row, item.AccountShown, ask, input),
            });
            last = (item, told);
        }

        public override void Amend(BatchItem item, string message, string action)
        {
            if (last is not { } told || told.Item != item) return;
            told.Row.Properties["message"].Value = message;
            told.Row.Properties["action"].Value = action;
        }

        public override RowOutcome? OutcomeOf(RowResult<TMade> result) => result.Outcome;

        public override string? Resume(IReadOnlyDictionary<RowOutcome, int> outcomes, bool ended) => RowReport.Resume(command, variable, outcomes, ended, givenAgain);

        private RowRunner<TAsk, TMade> RunnerFor(BatchItem item) => runner ??= new RowRunner<TAsk, TMade>(specFor(item.Api), force);
    }
}
