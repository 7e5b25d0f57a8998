using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Errors;
using Dintero.Connections.Http;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Rows
{
    /// <summary>
    /// A creator's part of "make it once per row, safely re-runnable" (<see cref="RowRunner{TAsk, TMade}"/> owns the rest,
    /// as PSResourceGet's InstallHelper serves three cmdlets): how to find what exists, send, read back and undo, the words
    /// its sentences use, and its report's columns. A signup, an API client and a webhook subscription are three specs.
    /// </summary>
    /// <typeparam name="TAsk">What a row asks for, as checked (a signup, an API client's name and grant, a subscription).</typeparam>
    /// <typeparam name="TMade">What is made: a connection, an API client with its secret, a subscription.</typeparam>
    public abstract class RowSpec<TAsk, TMade>
        where TAsk : class
        where TMade : class
    {
        protected RowSpec(DinteroApi api) => Api = api ?? throw new ArgumentNullException(nameof(api));

        /// <summary>The context's client every call goes through.</summary>
        public DinteroApi Api { get; }

        /// <summary>The thing a row asks for, for the repeat sentence: "its Common signup", "the API client 'Web shop'".</summary>
        public abstract string Named(TAsk ask);

        /// <summary>
        /// What two rows that share a <see cref="ClaimKey"/> both name, for the repeat sentence ("the input names ... more than
        /// once"): by default the account; a seller's application names the seller.
        /// </summary>
        public virtual string Repeated(string accountId, TAsk ask) => $"account {accountId}";

        /// <summary>What a lost answer's read-back is about: "this signup", "this client".</summary>
        public abstract string This { get; }

        /// <summary>What is read back after a lost answer: "the Common connection", "the account's API clients".</summary>
        public abstract string ReadsBack(TAsk ask);

        /// <summary>What to do when reading back cannot tell whether the row was stored.</summary>
        public abstract string Unsettled(string accountId, TAsk ask);

        /// <summary>The key two rows of one input share when they ask for the same thing of one account.</summary>
        public abstract string ClaimKey(string accountId, TAsk ask);

        /// <summary>
        /// Why a later row of the input cannot be a repeat of the row that claimed its key (it asks for more than that row
        /// sends), so that it is refused before anything is sent; null when it is a repeat, skipped. <c>claimant</c> names
        /// the claiming row ("pipeline item 0").
        /// </summary>
        public virtual ValidationProblem? NoRepeat(TAsk claimed, TAsk ask, string claimant) => null;

        /// <summary>False where the send itself finds what exists (Dintero refuses a client_id that is taken): the run reads nothing first.</summary>
        public virtual bool FindsBeforeSending => true;

        /// <summary>What exists for the row: it makes the row a skip, or a send replaces it; null when nothing does.</summary>
        public abstract Task<Found<TMade>?> FindAsync(string accountId, TAsk ask, CancellationToken cancellationToken);

        /// <summary>Why what exists makes the row a skip, e.g. "account T11200001 has a Common connection already (pending); -Force signs it up again".</summary>
        public abstract string SkipReason(string accountId, TAsk ask, TMade existing);

        /// <summary>
        /// Reads, just before each send, what a lost answer's read-back must know was there already (the cases an approval's
        /// account had, under -Force where nothing was found first). A failure here fails the row unsent; by default nothing.
        /// </summary>
        public virtual Task BeforeSendAsync(string accountId, TAsk ask, bool force, CancellationToken cancellationToken) => Task.CompletedTask;

        /// <summary>
        /// Sends the row, once (<c>force</c>: -Force, made whatever exists). Throws for a refusal; a lost answer
        /// (<see cref="DinteroException.OutcomeUnknown"/>) is the runner's to settle.
        /// </summary>
        public abstract Task<TMade> SendAsync(string accountId, TAsk ask, bool force, CancellationToken cancellationToken);

        /// <summary>
        /// What exists, when Dintero's refusal of the send says something is there already (a client_id that is taken): it
        /// makes the row a skip, or is in the way (<see cref="ClearAsync"/>); null when the refusal is an error as it is.
        /// </summary>
        public virtual Task<Found<TMade>?> FoundByRefusalAsync(string accountId, TAsk ask, DinteroApiException refused, CancellationToken cancellationToken) =>
            Task.FromResult<Found<TMade>?>(null);

        /// <summary>Removes what is in the way of the send (a client left without a grant by a run that died between its steps), so it is made anew.</summary>
        public virtual Task ClearAsync(string accountId, TMade inTheWay) => Task.CompletedTask;

        /// <summary>
        /// Reads back what a send whose answer was lost may have stored, sent at <c>sentOnServerClock</c> on Dintero's clock
        /// (null when no answer gave Dintero's time); a failure to read is the runner's to word.
        /// </summary>
        public abstract Task<(TMade? Found, ReadBackJudgement Judgement)> ReadBackAsync(string accountId, TAsk ask, bool force, DateTimeOffset? sentOnServerClock, CancellationToken cancellationToken);

        /// <summary>What is said of a row that was not stored: how to send it again.</summary>
        public virtual string SendAgain(bool force) => force
            ? "Send it again with -Force, as this run was: what Dintero holds was left as it was."
            : "Run the same input again: it sends it.";

        /// <summary>A second step once the first made something (an API client's grant); by default none.</summary>
        public virtual Task<TMade> FinishAsync(string accountId, TAsk ask, TMade made, CancellationToken cancellationToken) => Task.FromResult(made);

        /// <summary>What a failed second step says, and what to do.</summary>
        public virtual (string What, string Advice) FinishFailed(TMade made, DinteroException failed) => (failed.Description, SendAgain(false));

        /// <summary>
        /// Undoes what the first step made, when the second failed or reading back found it of no use; run even while the
        /// command stops. The error says what was undone, or what is left to remove.
        /// </summary>
        public virtual Task<DinteroException> UndoAsync(string accountId, TMade made, string what, DinteroException cause, string advice) =>
            throw new NotSupportedException($"{GetType().Name} makes nothing in two steps: there is nothing to undo.");

        /// <summary>The type name of the report's rows, which views key on, e.g. <c>Dintero.Connections.SignupReport</c>.</summary>
        public abstract string ReportTypeName { get; }

        /// <summary>The report's columns of this creator, between the account and the error (<see cref="RowReport"/>).</summary>
        public abstract IReadOnlyList<string> Columns { get; }

        /// <summary>The values of <see cref="Columns"/> for a row: what was asked (null when the row failed before), what was made or found, and a failure.</summary>
        public abstract IEnumerable<object?> Cells(TAsk? ask, TMade? made, Exception? failure);

        /// <summary>Input columns never copied into the report: a secret someone put in the sheet.</summary>
        public virtual IReadOnlyCollection<string> NeverCopied => Array.Empty<string>();
    }

    /// <summary>
    /// What a spec found for a row: <see cref="Made"/> exists; it makes the row a skip, or a send replaces it (<see cref="Note"/>
    /// says how it was replaced, <see cref="Planned"/> how a run would replace it).
    /// </summary>
    public sealed class Found<TMade> where TMade : class
    {
        public Found(TMade made, bool blocks, string? note = null, string? planned = null)
        {
            Made = made;
            Blocks = blocks;
            Note = note;
            Planned = planned ?? note;
        }

        public TMade Made { get; }

        public bool Blocks { get; }

        public string? Note { get; }

        /// <summary>What -WhatIf says of it: what a run would do.</summary>
        public string? Planned { get; }
    }
}
