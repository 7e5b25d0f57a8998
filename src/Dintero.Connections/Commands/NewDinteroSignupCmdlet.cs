using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Kinds;
using Dintero.Connections.Models;
using Dintero.Connections.Signups;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// What every signup cmdlet shares, so that running the same sheet twice is safe: an account whose connection of the
    /// kind is pending or enabled is skipped (unless -Force), a POST whose answer was lost is settled by reading back
    /// (the engine's SignupRun), -WhatIf decides each row as the run would, and -ReportVariable gives one row per input that
    /// Export-Csv writes and a later run takes back (<see cref="ReportedRun{TConnection}"/>). Only created connections go to
    /// the output; skips are said once and summed up, failures are errors as ever.
    /// </summary>
    public abstract class NewDinteroSignupCmdlet<TConnection> : DinteroBatchCmdlet<SignupOutcome<TConnection>>
        where TConnection : Connection, new()
    {
        private const string SkippedCondition = "Rows skipped because their account has the connection already (pending or enabled), or an earlier row sends it";
        private ReportedRun<TConnection>? run;

        /// <summary>Sends every row as given: also where the account's connection of this kind is pending or enabled, and a row that repeats an account.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>A variable that gets the run's report: one row per input, with its outcome (Created, Skipped, Failed, Unknown; with -WhatIf, WouldCreate or WouldSkip).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ReportVariable { get; set; }

        /// <summary>Whether existing connections are signed up again: -Force (and for Vipps, -Restart).</summary>
        private protected virtual bool Forced => Force;

        /// <summary>The kind this cmdlet signs up, as -Type names it (Common, Vipps, ...).</summary>
        /// <remarks>A name, not the engine's ConnectionKind: a virtual member's type is loaded with the cmdlet type, before the engine can be.</remarks>
        private protected abstract string KindName { get; }

        /// <summary>
        /// Binds and checks one record, resolving its account: the action for ShouldProcess, the signup as checked (what a
        /// read-back must find; null for a start without a body) and the request that sends it.
        /// </summary>
        /// <exception cref="Errors.DinteroValidationException">Bad input: nothing is sent for the record.</exception>
        private protected abstract (string Action, DinteroModel? Sent, Func<CancellationToken, Task<TConnection>> Send) PlanSignup(BatchItem item);

        // A report run again: its own columns are no signup fields.
        private protected override IEnumerable<string> QuietKeys => SignupReport.Columns;

        private protected override BatchReport<SignupOutcome<TConnection>> StartReport() =>
            run = new ReportedRun<TConnection>(KindName, Forced, MyInvocation.MyCommand.Name, ReportVariable, SessionState);

        private protected sealed override BatchCall<SignupOutcome<TConnection>>? Plan(BatchItem item)
        {
            var (action, sent, send) = PlanSignup(item);
            var signups = run!.For(item.Client);
            var kind = (ConnectionKind<TConnection>)ConnectionKinds.Named(KindName);
            if (Planning)
            {
                // -WhatIf as a plan: the same check as the run's, nothing sent.
                var planned = Run(token => signups.PlanAsync(kind, item.AccountId!, item.Index, token));
                return BatchCall.Planned(planned.Outcome == RowOutcome.WouldSkip ? $"Skip the {kind.Name} signup: {planned.Reason}" : action, planned);
            }
            return BatchCall.Change(action, token => signups.SignUpAsync(kind, item.AccountId!, item.Index, sent, send, token));
        }

        private protected override void WriteResult(SignupOutcome<TConnection> outcome, BatchItem item)
        {
            switch (outcome.Outcome)
            {
                case RowOutcome.Created:
                    if (outcome.Reason != null) WriteVerbose($"{outcome.AccountId}: {outcome.Reason}.");
                    WriteObject(outcome.Connection);
                    break;
                case RowOutcome.Skipped:
                    WriteRepeatedWarning(SkippedCondition, $"Skipped: {outcome.Reason}.");
                    break;
            }
        }
    }
}
