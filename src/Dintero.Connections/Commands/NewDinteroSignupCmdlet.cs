using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Binding;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Kinds;
using Dintero.Connections.Models;
using Dintero.Connections.Signups;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// What every signup cmdlet shares, so that running the same sheet twice is safe: an account whose connection of the
    /// kind is pending or enabled is skipped (unless -Force), a POST whose answer was lost is settled by reading back
    /// (the engine's SignupRun), and -ReportVariable gives one row per input that Export-Csv writes and a later run takes
    /// back. Only created connections go to the output; skips are said once and summed up, failures are errors as ever.
    /// </summary>
    public abstract class NewDinteroSignupCmdlet<TConnection> : DinteroBatchCmdlet<SignupOutcome<TConnection>>
        where TConnection : Connection, new()
    {
        private const string SkippedCondition = "Rows skipped because their account has the connection already (pending or enabled), or an earlier row sends it";
        // The engine's SignupRun, held as object: a field's type is loaded with the cmdlet type, before the engine can be.
        private object? run;
        private SignupReport? report;

        /// <summary>Sends every row as given: also where the account's connection of this kind is pending or enabled, and a row that repeats an account.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>A variable that gets the run's report: one row per input, with its outcome (Created, Skipped, Failed, Unknown).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ReportVariable { get; set; }

        /// <summary>Whether existing connections are signed up again: -Force (and for Vipps, -Restart).</summary>
        private protected virtual bool Forced => Force;

        /// <summary>The kind this cmdlet signs up, as -Type names it (Common, Vipps, ...).</summary>
        /// <remarks>A name, not the engine's ConnectionKind: a virtual member's type is loaded with the cmdlet type, before the engine can be.</remarks>
        private protected abstract string KindName { get; }

        /// <summary>Binds and checks one record, resolving its account; the action for ShouldProcess and the request that signs up.</summary>
        /// <exception cref="Errors.DinteroValidationException">Bad input: nothing is sent for the record.</exception>
        private protected abstract (string Action, Func<CancellationToken, Task<TConnection>> Send) PlanSignup(BatchItem item);

        private protected sealed override BatchCall<SignupOutcome<TConnection>>? Plan(BatchItem item)
        {
            var (action, send) = PlanSignup(item);
            var signups = (SignupRun)(run ??= new SignupRun(item.Client, Forced));
            var kind = (ConnectionKind<TConnection>)ConnectionKinds.Named(KindName);
            var row = item.Index ?? 0;
            return BatchCall.Change(action, token =>
            {
                report?.Sending(row, item.AccountId, item.Input);
                return signups.SignUpAsync(kind, item.AccountId!, item.Index, send, token);
            });
        }

        private protected override void Starting()
        {
            if (ReportVariable == null) return;
            report = new SignupReport(KindName);
            // In the caller's scope, as -ErrorVariable is; filled as outcomes come, so a stopped command leaves what it got to.
            SessionState.PSVariable.Set(ReportVariable, report.Rows);
        }

        private protected override void WriteResult(SignupOutcome<TConnection> outcome, BatchItem item)
        {
            report?.Add(item.Index ?? 0, RunReport.Of(item.Index ?? 0, outcome, PowerShellInput.ToPlain(item.Input)));
            if (outcome.Result == SignupResult.Created)
            {
                if (outcome.Reason != null) WriteVerbose($"{outcome.AccountId}: {outcome.Reason}.");
                WriteObject(outcome.Connection);
            }
            else
            {
                WriteRepeatedWarning(SkippedCondition, $"Skipped: {outcome.Reason}.");
            }
        }

        private protected override void Failed(Exception failure, BatchItem item) =>
            report?.Add(item.Index ?? 0, RunReport.OfFailure(item.Index ?? 0, item.AccountId, KindName, failure, PowerShellInput.ToPlain(item.Input)));

        private protected override void Declined(BatchItem item) =>
            report?.Add(item.Index ?? 0, RunReport.OfDeclined(item.Index ?? 0, item.AccountId, KindName, PowerShellInput.ToPlain(item.Input)));

        private protected override void Stopped() => report?.Stopped();
    }
}
