using System.Management.Automation;
using Dintero.Connections.Binding;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Errors;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// How every API cmdlet runs, in one place. For each pipeline record (or the one set of parameters), the base finds
    /// the context, numbers the record, asks the cmdlet to <see cref="Plan"/> its call, asks ShouldProcess when the call
    /// changes something, and hands it to the batch; at the end it drains the batch. The batch (<see cref="PipelineBatch{TResult}"/>)
    /// runs up to -ThrottleLimit calls at once and writes results and errors in input order, with progress. A cmdlet
    /// supplies its progress title and <see cref="Plan"/>; a record it refuses (bad input) is an error of its own, under
    /// its number, and the others go on.
    /// </summary>
    /// <typeparam name="TResult">What one call returns; a collection is written item by item.</typeparam>
    public abstract class DinteroBatchCmdlet<TResult> : DinteroApiCmdlet
    {
        private PipelineBatch<TResult>? batch;
        private CmdletInput? input;
        private int records;

        /// <summary>The progress bar's title while pipeline input runs, e.g. "Creating Common connections".</summary>
        private protected abstract string Activity { get; }

        /// <summary>The pipeline object this record is (kept whole as its errors' TargetObject); null when all comes by parameter.</summary>
        private protected virtual object? PipelineInput => null;

        /// <summary>How the batch runs and writes; by default -ThrottleLimit calls in flight, outcomes in input order.</summary>
        private protected virtual BatchOptions Options => new BatchOptions(ThrottleLimit);

        /// <summary>True for what only a partner does (its merchants, its invitations): the command ends at once when not connected as one.</summary>
        private protected virtual bool NeedsPartner => false;

        /// <summary>Binds input objects onto models, with the keys that name this cmdlet's parameters set apart.</summary>
        private protected CmdletInput Input => input ??= new CmdletInput(this);

        /// <summary>
        /// Checks the record and plans its call, resolving its account (<see cref="BatchItem.ResolveAccount"/>); null to
        /// skip it. Throws <see cref="DinteroValidationException"/> for bad input: nothing is sent for the record.
        /// </summary>
        private protected abstract BatchCall<TResult>? Plan(BatchItem item);

        /// <summary>Writes one call's result, on the pipeline thread; by default the result itself, a collection item by item.</summary>
        private protected virtual void WriteResult(TResult result, BatchItem item) => WriteObject(result, enumerateCollection: true);

        /// <summary>Told of a record's failure on the pipeline thread, just before its error is written.</summary>
        private protected virtual void Failed(System.Exception failure, BatchItem item)
        {
        }

        /// <summary>Told when the command starts, after its batch is made (a report variable is set here).</summary>
        private protected virtual void Starting()
        {
        }

        /// <summary>Told of a record that -WhatIf or a declined -Confirm kept back: nothing was sent for it.</summary>
        private protected virtual void Declined(BatchItem item)
        {
        }

        /// <summary>Told when every record's outcome is written, before the command ends.</summary>
        private protected virtual void Finished()
        {
        }

        /// <summary>Told on the stopping thread when Ctrl+C (or a job's stop) cancels what is in flight.</summary>
        private protected virtual void Stopped()
        {
        }

        /// <summary>Warns about a record's doubtful values (an e-mail without '@', a URL that is not http(s)), naming the row and the field.</summary>
        private protected void WarnAboutDoubts(BatchItem item, System.Collections.Generic.IReadOnlyList<Validation.ValidationProblem> doubts)
        {
            foreach (var doubt in doubts) WriteWarning($"{item.Label ?? "The input"}{(item.AccountId == null ? string.Empty : $" (account {item.AccountId})")}: {doubt} Sent as given.");
        }

        /// <summary>A warning that would repeat per row: the first of its condition is shown, the rest at Verbose, and one summary line at the end.</summary>
        private protected void WriteRepeatedWarning(string condition, string message) => batch!.WriteRepeatedWarning(condition, message);

        protected sealed override void BeginProcessing()
        {
            batch = new PipelineBatch<TResult>(this, Options, MyInvocation.ExpectingInput ? Activity : null, WriteResult, Failed, Cancellation);
            Starting();
        }

        protected sealed override void StopProcessing()
        {
            base.StopProcessing();
            Stopped();
        }

        protected sealed override void ProcessRecord()
        {
            var context = RequireContext();
            if (NeedsPartner && !context.IsPartner) ThrowTerminatingError(NotPartner(context));
            // Every record is numbered, whatever becomes of it, so each error names its own row.
            var item = new BatchItem(PipelineInput, MyInvocation.ExpectingInput ? records++ : (int?)null, context, AccountId);
            BatchCall<TResult>? call;
            try
            {
                call = Plan(item);
            }
            catch (DinteroValidationException exception)
            {
                batch!.AddFailure(exception, item);
                return;
            }
            if (call == null) return;
            if (call.Action != null && !ShouldProcess(item.Target, call.Action))
            {
                Declined(item);
                return;
            }
            if (call.Pages != null) WritePages(call, item);
            else batch!.Add(call, item);
        }

        protected sealed override void EndProcessing()
        {
            batch!.Drain();
            Finished();
        }

        // One page after another on the pipeline thread, each written as it comes: when the pipeline has what it wants,
        // WriteObject stops this command and no further page is asked for.
        private void WritePages(BatchCall<TResult> call, BatchItem item)
        {
            string? cursor = null;
            do
            {
                Paging.Page<TResult> page;
                try
                {
                    var from = cursor;
                    page = Run(token => call.Pages!(from, token));
                }
                catch (DinteroException failure)
                {
                    Failed(failure, item);
                    var record = ErrorRecords.From(failure, item.TargetOf(failure), item.TargetName, item.Label, out var endsCommand);
                    if (endsCommand) ThrowTerminatingError(record);
                    WriteError(record);
                    return;
                }
                foreach (var result in page.Items) WriteResult(result, item);
                cursor = page.NextCursor;
            }
            while (cursor != null);
        }

        private ErrorRecord NotPartner(Session.DinteroContext context)
        {
            var message = $"{MyInvocation.MyCommand.Name} is what a partner does, and the connection is to merchant account {context.AccountId}. Connect-Dintero with your partner account (its id ends in 00000, e.g. T11200000).";
            return new ErrorRecord(new System.InvalidOperationException(message), "Dintero.NotPartner", ErrorCategory.InvalidOperation, context.AccountId)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = "Connect-Dintero -AccountId T11200000 -Credential (Get-Credential)" },
            };
        }
    }
}
