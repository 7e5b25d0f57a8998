using System;
using System.Management.Automation;
using Dintero.Connections.Binding;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Errors;
using Dintero.Connections.Session;
using Dintero.Connections.Paging;
using Dintero.Connections.Partners;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// How every API cmdlet runs, in one place, as Az's ExecuteCmdlet: for each pipeline record (or the one set of
    /// parameters) the base finds the context, numbers the record, asks the cmdlet to <see cref="Plan"/> its call, asks
    /// ShouldProcess when the call changes something, and hands it to the batch; at the end it drains the batch, which ends
    /// with a summary. The batch (<see cref="CmdletBatch{TResult}"/>) runs up to -ThrottleLimit calls at once and writes
    /// results and errors in input order, with progress; a list read goes page by page (<see cref="PagedRead"/>). A record
    /// the cmdlet refuses (bad input) is an error of its own, under its number, and the others go on. Every record's end
    /// goes through the batch once, which tells the cmdlet's <see cref="StartReport"/> of it.
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

        /// <summary>
        /// True when each pipeline record is for an account of its own, which it must name (<see cref="Rows.RowAccount"/>); false
        /// for what the connected partner does itself (invitations), where every record is for the connected account.
        /// </summary>
        private protected virtual bool AccountPerRecord => true;

        /// <summary>True when a string piped in is an account id (T11200001); false where it is something else (a signup's JSON, a path).</summary>
        private protected virtual bool StringRecordIsAccountId => false;

        /// <summary>How the batch runs and writes; by default -ThrottleLimit calls in flight, outcomes in input order.</summary>
        private protected virtual BatchOptions Options => new BatchOptions(ThrottleLimit);

        /// <summary>True for what only a partner does (its merchants, its invitations): the command ends at once when not connected as one.</summary>
        private protected virtual bool NeedsPartner => false;

        /// <summary>
        /// True for a report over a partner's merchants (readiness): run by parameter with no -AccountId by a partner, the
        /// command lists its merchants page by page and takes each as a record of its own, as if they had been piped in.
        /// </summary>
        private protected virtual bool CoversWholeBook => false;

        /// <summary>Binds input objects onto models, with the keys that name this cmdlet's parameters set apart.</summary>
        private protected CmdletInput Input => input ??= new CmdletInput(this, QuietKeys);

        /// <summary>Top-level input keys the binder drops without a word (a report's own columns, when a report is run again).</summary>
        private protected virtual System.Collections.Generic.IEnumerable<string>? QuietKeys => null;

        /// <summary>
        /// True when ShouldProcess will only say what would happen (-WhatIf, or $WhatIfPreference): a cmdlet can decide a
        /// record as the run would and plan it (<see cref="BatchCall.Planned{TResult}"/>) instead of leaving it unsent.
        /// </summary>
        private protected bool Planning =>
            MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf) ? ((SwitchParameter)whatIf).IsPresent : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

        /// <summary>
        /// Checks the record and plans its call, resolving its account (<see cref="BatchItem.ResolveAccount"/>); null to
        /// skip it. Throws <see cref="DinteroValidationException"/> for bad input: nothing is sent for the record.
        /// </summary>
        private protected abstract BatchCall<TResult>? Plan(BatchItem item);

        /// <summary>Writes one call's result, on the pipeline thread; by default the result itself, a collection item by item.</summary>
        private protected virtual void WriteResult(TResult result, BatchItem item) => WriteObject(result, enumerateCollection: true);

        /// <summary>The cmdlet's own account of the run, made when the command starts (a report variable is set here); null for none.</summary>
        private protected virtual BatchReport<TResult>? StartReport() => null;

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
            batch = new CmdletBatch<TResult>(this, Options, MyInvocation.ExpectingInput || WholeBookAsked ? Activity : null, WriteResult, StartReport(), Succeeded(GetType()), Cancellation);
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
                ProcessOne();
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

        private void ProcessOne()
        {
            var context = RequireContext();
            if (NeedsPartner && !context.IsPartner) Terminate(PartnerOnly.Refusal(MyInvocation.MyCommand.Name, context.AccountId), context.AccountId, ErrorReport.TargetName(null, context.AccountId));
            if (WholeBookAsked && context.IsPartner)
            {
                ProcessWholeBook(context);
                return;
            }
            // Every record is numbered, whatever becomes of it, so each error names its own row.
            var fromPipeline = MyInvocation.ExpectingInput;
            var index = fromPipeline ? records++ : (int?)null;
            var record = PipelineInput;
            var named = fromPipeline ? PowerShellInput.AccountOf(record, StringRecordIsAccountId) : Rows.RecordAccount.None;
            // A record this cmdlet does not see whole (Invoke-DinteroRequest's rows bind by property name only) names its
            // account through -AccountId, bound from it.
            if (fromPipeline && named.Kind == Rows.RecordAccountKind.None && commandAccount == null && !string.IsNullOrWhiteSpace(AccountId)) named = Rows.RecordAccount.Cell(nameof(AccountId), AccountId);
            var account = AccountPerRecord
                ? Rows.RowAccount.Resolve(context.AccountId, fromPipeline, commandAccount, named)
                : Rows.RowAccount.Resolve(context.AccountId, fromPipeline: false, commandAccount: null, Rows.RecordAccount.None);
            var item = new BatchItem(record, index, context, account);
            if (!toldOfDifference && account.DifferenceNotice(item.Label) is { } notice)
            {
                toldOfDifference = true;
                WriteWarning(notice);
            }
            Process(item);
        }

        private bool WholeBookAsked => CoversWholeBook && !MyInvocation.ExpectingInput && string.IsNullOrWhiteSpace(AccountId);

        // The partner's merchants, read a page at a time on the pipeline thread while the batch runs the ones before.
        private void ProcessWholeBook(DinteroContext context)
        {
            var client = context.GetClient();
            var query = new AccountQuery();
            string? cursor = null;
            do
            {
                Page<Models.DinteroAccount> page;
                try
                {
                    page = Run(token => client.ListAccountsAsync(context.AccountId, query, cursor, token));
                }
                catch (DinteroException failure)
                {
                    // The merchants already taken still finish and are written; the ones after cannot be known.
                    batch!.Drain();
                    Terminate(failure, context.AccountId, ErrorReport.TargetName(null, context.AccountId));
                    return;
                }
                foreach (var merchant in page.Items)
                {
                    if (string.IsNullOrEmpty(merchant.account_id)) continue;
                    Process(new BatchItem(merchant, records++, context, Rows.RowAccount.Resolve(context.AccountId, true, null, Rows.RecordAccount.Cell("account_id", merchant.account_id))));
                }
                cursor = page.NextCursor;
            }
            while (cursor != null);
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
            catch (DinteroValidationException exception)
            {
                // -WhatIf says it too: the plan shows every row, the refused ones among them.
                if (Planning && IsChange(GetType())) ShouldProcess(item.Target, $"Refuse {(item.Label ?? "the input").ToLowerInvariant()} as bad input ({exception.Problems.Count} {(exception.Problems.Count == 1 ? "problem" : "problems")}, see the error); nothing would be sent");
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
            if (call.Pages != null) PagedRead.Run(call.Pages, item, Run, WriteResult, batch!);
            else batch!.Add(call, item);
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

        // What a record whose call returned counts as in the summary, said by the cmdlet's verb: Read, Changed, Created, ...
        private static string Succeeded(System.Type cmdlet) =>
            (System.Attribute.GetCustomAttribute(cmdlet, typeof(CmdletAttribute)) as CmdletAttribute)?.VerbName switch
            {
                VerbsCommon.Get => "Read",
                VerbsCommon.Set => "Changed",
                VerbsCommon.New => "Created",
                VerbsCommon.Remove => "Removed",
                VerbsCommon.Reset => "Reset",
                VerbsLifecycle.Wait => "Reached",
                VerbsLifecycle.Invoke => "Answered",
                _ => "Done",
            };

        private static bool IsChange(System.Type cmdlet) =>
            System.Attribute.GetCustomAttribute(cmdlet, typeof(CmdletAttribute)) is CmdletAttribute { SupportsShouldProcess: true };
    }
}
