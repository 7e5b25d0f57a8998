using System;
using System.Management.Automation;
using Dintero.Connections.Binding;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Errors;
using Dintero.Connections.Rows;
using Dintero.Connections.Session;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// How every API cmdlet runs, in one place, as Az's ExecuteCmdlet: for each pipeline record (or the one set of
    /// parameters) the base finds the context, numbers the record and decides its account (<see cref="RowAccount"/>), asks
    /// the cmdlet to <see cref="Plan"/> its call, asks ShouldProcess when the call changes something, and hands it to the
    /// batch; at the end it drains the batch, which ends with a summary. The batch (<see cref="CmdletBatch{TResult}"/>) runs
    /// up to -ThrottleLimit calls at once and writes results and errors in input order, with progress; a list read goes page
    /// by page, and a call can be records of their own read page by page (<see cref="PagedRead"/>). A record the cmdlet
    /// refuses is an error of its own, under its number, and the others go on. Every record's end goes through the batch
    /// once, which tells the cmdlet's <see cref="StartObserver"/> of it.
    /// </summary>
    /// <typeparam name="TResult">What one call returns; a collection is written item by item.</typeparam>
    public abstract class DinteroBatchCmdlet<TResult> : DinteroApiCmdlet
    {
        private CmdletBatch<TResult>? batch;
        private CmdletInput? input;
        private int records;
        // -AccountId as given for the whole command (by name, by position or from $PSDefaultParameterValues), before any record.
        private string? commandAccount;
        private bool toldOfDifference;

        /// <summary>The progress bar's title while pipeline input runs, e.g. "Creating Common connections".</summary>
        private protected abstract string Activity { get; }

        /// <summary>The pipeline object this record is (its account is read off it, and a masked copy is its errors' TargetObject); null when all comes by parameter.</summary>
        private protected virtual object? PipelineInput => null;

        /// <summary>True when a string piped in is an account id (T11200001); false where it is something else (a signup's JSON, a path).</summary>
        private protected virtual bool StringRecordIsAccountId => false;

        /// <summary>How the batch runs and writes; by default -ThrottleLimit calls in flight, outcomes in input order.</summary>
        private protected virtual BatchOptions Options => new BatchOptions(ThrottleLimit);

        /// <summary>Binds input objects onto models, with the keys that name this cmdlet's parameters set apart.</summary>
        private protected CmdletInput Input => input ??= new CmdletInput(this);

        /// <summary>
        /// True when ShouldProcess will only say what would happen (-WhatIf, or $WhatIfPreference): a cmdlet can decide a
        /// record as the run would and plan it (<see cref="BatchCall.Planned{TResult}"/>) instead of leaving it unsent.
        /// </summary>
        private protected bool Planning =>
            MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf) ? ((SwitchParameter)whatIf).IsPresent : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

        /// <summary>
        /// Checks the record and plans its call, resolving its account (<see cref="BatchItem.ResolveAccount"/>); null to
        /// skip it. Throws a <see cref="DinteroException"/> for a record nothing can be sent for (bad input, a partner's
        /// command on another account): the record's error, or the command's when nothing of it can run.
        /// </summary>
        private protected abstract BatchCall<TResult>? Plan(BatchItem item);

        /// <summary>Writes one call's result, on the pipeline thread; by default the result itself, a collection item by item.</summary>
        private protected virtual void WriteResult(TResult result, BatchItem item) => WriteObject(result, enumerateCollection: true);

        /// <summary>A result the output could no longer take, the pipeline stopped (downstream, or Ctrl+C); by default nothing: only a secret is lost with it.</summary>
        private protected virtual void ResultNotWritten(TResult result, BatchItem item)
        {
        }

        /// <summary>The cmdlet's own watch over the run, made when the command starts (a report variable is set here); null for none.</summary>
        private protected virtual RecordObserver<TResult>? StartObserver() => null;

        /// <summary>Warns about a record's doubtful values (an e-mail without '@', a URL that is not http(s)), naming the row and the field.</summary>
        private protected void WarnAboutDoubts(BatchItem item, System.Collections.Generic.IReadOnlyList<Validation.ValidationProblem> doubts)
        {
            foreach (var doubt in doubts) WriteWarning($"{item.Label ?? "The input"}{(item.AccountId == null ? string.Empty : $" (account {item.AccountId})")}: {doubt} Sent as given.");
        }

        /// <summary>A warning that would repeat per row: the first of its condition is shown, the rest at Verbose, and one summary line at the end.</summary>
        private protected void WriteRepeatedWarning(string condition, string message) => batch!.WriteRepeatedWarning(condition, message);

        protected sealed override void BeginProcessing()
        {
            commandAccount = MyInvocation.BoundParameters.TryGetValue(nameof(AccountId), out var given) ? given as string : null;
            batch = new CmdletBatch<TResult>(this, Options, Activity, MyInvocation.ExpectingInput, WriteResult, StartObserver(),
                Concurrency.BatchSummary.DoneWord(((CmdletInfo)MyInvocation.MyCommand).Verb), Cancellation, ResultNotWritten);
        }

        protected sealed override void StopProcessing()
        {
            base.StopProcessing();
            batch?.Stopped();
        }

        protected sealed override void ProcessRecord()
        {
            try
            {
                var context = RequireContext();
                var fromPipeline = MyInvocation.ExpectingInput;
                Process(context, PipelineInput, fromPipeline);
            }
            catch (Exception exception)
            {
                // Whatever ends the command here (an error or a line that stops it, Ctrl+C, a pipeline stopped downstream,
                // a prompt that cannot be shown): the calls already sent are awaited and told to the report, and the
                // summary says how to go on, before the exception goes on up.
                EndBecauseOf(exception);
                throw;
            }
        }

        // One record: numbered (each error names its own row, whatever becomes of it), its account decided, planned.
        private void Process(DinteroContext context, object? record, bool fromPipeline)
        {
            var index = fromPipeline ? records++ : (int?)null;
            // A row given by parameter (-Signup $row) names its account as a piped one does; a string given by parameter is
            // the parameter's own value, never an account id.
            var named = PowerShellInput.AccountOf(record, fromPipeline && StringRecordIsAccountId);
            // A record this cmdlet does not see whole (Invoke-DinteroRequest's rows bind by property name only) names its
            // account through -AccountId, bound from it.
            if (fromPipeline && named.Kind == RecordAccountKind.None && commandAccount == null && !string.IsNullOrWhiteSpace(AccountId)) named = RecordAccount.Cell(nameof(AccountId), AccountId);
            var item = new BatchItem(record, index, context, RowAccount.Resolve(context.AccountId, fromPipeline, commandAccount, named));
            if (!toldOfDifference && item.Account.DifferenceNotice(item.Label) is { } notice)
            {
                toldOfDifference = true;
                WriteWarning(notice);
            }
            Process(item);
        }

        private void Process(BatchItem item)
        {
            BatchCall<TResult>? call;
            try
            {
                // Every text parameter a record binds is a cell: trimmed, blank when empty, refused when read in the wrong encoding.
                var cells = ParameterCells.Apply(this);
                if (cells.Count > 0) throw new DinteroValidationException(item.Label == null ? "The input" : "The row", cells);
                call = Plan(item);
            }
            catch (DinteroException exception)
            {
                // -WhatIf says it too: the plan shows every row, the refused ones among them.
                if (exception is DinteroValidationException invalid && Planning && MyInvocation.MyCommand.Parameters.ContainsKey("WhatIf"))
                {
                    ShouldProcess(item.Target, $"Refuse {(item.Label ?? "the input").ToLowerInvariant()} as bad input ({invalid.Problems.Count} {(invalid.Problems.Count == 1 ? "problem" : "problems")}, see the error); nothing would be sent");
                }
                batch!.AddFailure(exception, item);
                return;
            }
            if (call == null) return;
            if (call.Planned)
            {
                ShouldProcess(item.Target, call.Action);
                batch!.Add(call, item);
                return;
            }
            if (call.Action != null && !ShouldProcess(item.Target, call.Action))
            {
                batch!.NotSent(item);
                return;
            }
            if (call.Records != null)
            {
                // Records of their own (a partner's merchants), each planned as if piped in, while the batch runs the ones before.
                batch!.ShowProgress();
                PagedRead.Records(call.Records, item, Run, record => Process(item.Context, record, fromPipeline: true), batch,
                    (failure, asked) => Terminate(failure, asked.Context.AccountId, ErrorReport.TargetName(null, asked.Context.AccountId)));
            }
            else if (call.Pages != null)
            {
                PagedRead.Results(call.Pages, item, Run, WriteResult, batch!);
            }
            else
            {
                batch!.Add(call, item);
            }
        }

        protected sealed override void EndProcessing()
        {
            try
            {
                batch!.Drain();
            }
            catch (Exception exception)
            {
                EndBecauseOf(exception);
                throw;
            }
        }
    }
}
