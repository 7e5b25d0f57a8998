using System.Management.Automation;
using Dintero.Connections.Binding;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Rows;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// What every creator shares (the signups, New-DinteroApiClient, New-DinteroWebhook), so that running the same sheet
    /// twice is safe: the engine's RowRunner decides each row over the cmdlet's spec (what exists is skipped unless -Force,
    /// an account named twice is sent once, a lost answer is read back), -WhatIf decides each row as the run would, and
    /// -ReportVariable gives one row per input that Export-Csv writes and a later run takes back (<see cref="CreatorRun{TMade}"/>).
    /// Only what was made goes to the output; skips are said once and summed up, failures are errors as ever. A creator
    /// declares its parameters and makes its run (<see cref="StartRun"/>): its spec, and how a record becomes what it asks for.
    /// </summary>
    /// <typeparam name="TMade">What a row makes: a connection, an API client with its secret, a subscription.</typeparam>
    public abstract class DinteroCreatorCmdlet<TMade> : DinteroBatchCmdlet<RowResult<TMade>>
        where TMade : class
    {
        private const string SkippedCondition = "Rows skipped because what they ask for exists already, or an earlier row of the input sends it";
        private CreatorRun<TMade>? run;
        private CmdletInput? rowInput;

        /// <summary>Sends every row as given: also where what it asks for exists, and a row that repeats an account.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>A variable that gets the run's report: one row per input, with its outcome (Created, Skipped, Failed, Unknown, NotSent; with -WhatIf, WouldCreate or WouldSkip); never a secret.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ReportVariable { get; set; }

        /// <summary>Whether every row is sent as given: -Force (and for Vipps, -Restart).</summary>
        private protected virtual bool Forced => Force;

        /// <summary>
        /// The command's run, made once as it starts (a kind is looked up here, once): its spec, and how a record is checked
        /// into what it asks for (<see cref="CreatorRun.Of"/>).
        /// </summary>
        private protected abstract CreatorRun<TMade> StartRun();

        /// <summary>Binds a record's fields, the report's own columns set apart (a report run again is input too).</summary>
        private protected CmdletInput RowInput(BatchItem item) => rowInput ??= new CmdletInput(this, run!.ReportColumns(item));

        /// <summary>Writes what a row made; by default the thing itself.</summary>
        private protected virtual void WriteMade(TMade made, BatchItem item) => WriteObject(made);

        /// <summary>What a row made that the output could no longer take (the pipeline stopped); by default nothing: the report has it.</summary>
        private protected virtual void MadeNotWritten(TMade made, BatchItem item)
        {
        }

        /// <summary>What the command must be given again to go on from its report, which no row holds (a secret); null when a row holds all.</summary>
        internal virtual GivenAgain? GivenAgain => null;

        /// <summary>Says in the report row of the record just told (its message and action) what became of what it made after.</summary>
        private protected void SayInReport(BatchItem item, string message, string action) => run?.Amend(item, message, action);

        private protected sealed override RecordObserver<RowResult<TMade>> StartObserver() => run = StartRun();

        private protected sealed override BatchCall<RowResult<TMade>>? Plan(BatchItem item) => run!.Plan(item, Planning, Run);

        private protected sealed override void WriteResult(RowResult<TMade> result, BatchItem item)
        {
            switch (result.Outcome)
            {
                case RowOutcome.Created:
                    // What was made first: nothing that can fail comes before it (an API client's secret is shown once).
                    WriteMade(result.Made!, item);
                    if (result.Reason != null) WriteVerbose($"{result.AccountId}: {result.Reason}.");
                    break;
                case RowOutcome.Skipped:
                    WriteRepeatedWarning(SkippedCondition, $"Skipped: {result.Reason}.");
                    break;
            }
        }

        private protected sealed override void ResultNotWritten(RowResult<TMade> result, BatchItem item)
        {
            if (result.Outcome == RowOutcome.Created) MadeNotWritten(result.Made!, item);
        }

        /// <summary>Whether every row is sent as given, for the run.</summary>
        internal bool SendsAsGiven => Forced;
    }
}
