using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Errors;

namespace Dintero.Connections.Rows
{
    /// <summary>
    /// Makes one thing per row, safely re-runnable, for every creator (signups, API clients, webhook subscriptions): its
    /// <see cref="RowSpec{TAsk, TMade}"/> says how to find, send, read back and undo; the runner owns the order and the rules.
    /// Dintero's creates have no idempotency key, so
    /// <list type="bullet">
    /// <item>an input that names one account twice for the same thing sends its first row only (the claim);</item>
    /// <item>what exists already is found first (or by the send itself, where Dintero refuses a taken id) and the row skipped;</item>
    /// <item>a send whose answer was lost (the connection dropped, a timeout, a 5xx) is settled by reading back on Dintero's
    /// clock, never by sending again: proved stored is Created, else an error that says whether the next run sends it;</item>
    /// <item>a second step that fails (an API client's grant), or a read-back that finds what was made of no use, undoes
    /// the first step, so nothing half made is left.</item>
    /// </list>
    /// -Force sends every row as given: nothing is looked for, and an account named twice is sent twice.
    /// -WhatIf asks <see cref="PlanAsync"/>, which decides each row as the run would and sends nothing.
    /// </summary>
    public sealed class RowRunner<TAsk, TMade>
        where TAsk : class
        where TMade : class
    {
        private readonly RowSpec<TAsk, TMade> spec;
        private readonly bool force;
        // Each key's first row: its place in the input and what it asks for, for the sentence of a repeat.
        private readonly ConcurrentDictionary<string, (int? Row, TAsk Ask)> claimed = new ConcurrentDictionary<string, (int? Row, TAsk Ask)>(StringComparer.Ordinal);

        /// <param name="spec">The creator's part.</param>
        /// <param name="force">-Force: every row sent as given.</param>
        public RowRunner(RowSpec<TAsk, TMade> spec, bool force)
        {
            this.spec = spec ?? throw new ArgumentNullException(nameof(spec));
            this.force = force;
        }

        public RowSpec<TAsk, TMade> Spec => spec;

        /// <summary>What the run would do with a row, sending nothing (-WhatIf): WouldCreate, or WouldSkip and why. <c>row</c> is the row's place in the input (pipeline item), for the sentence of a repeat.</summary>
        public async Task<RowResult<TMade>> PlanAsync(string accountId, int? row, TAsk ask, CancellationToken cancellationToken)
        {
            if (Repeat(accountId, row, ask, RowOutcome.WouldSkip) is { } repeat) return repeat;
            var found = force ? null : await spec.FindAsync(accountId, ask, cancellationToken).ConfigureAwait(false);
            return found?.Blocks == true
                ? new RowResult<TMade>(RowOutcome.WouldSkip, accountId, found.Made, spec.SkipReason(accountId, ask, found.Made))
                : new RowResult<TMade>(RowOutcome.WouldCreate, accountId, found?.Made, found?.Planned);
        }

        /// <summary>
        /// Claims the row's key for the input, on the thread that reads the input, so that rows claim in input order
        /// whatever runs first: null when the row is the first for its key (then <see cref="RunAsync"/> with
        /// <c>claimed</c>), else its skip. Throws <see cref="DinteroValidationException"/> for a row that asks for more
        /// than the first row for its key sends (<see cref="RowSpec{TAsk, TMade}.NoRepeat"/>).
        /// </summary>
        public RowResult<TMade>? Claim(string accountId, int? row, TAsk ask) => Repeat(accountId, row, ask, RowOutcome.Skipped);

        /// <summary>Skips the row, or sends it once and settles it; <c>claimed</c> when <see cref="Claim"/> took its key already.</summary>
        /// <exception cref="DinteroReadBackException">The answer was lost, and reading back showed it was not stored, or could not tell.</exception>
        /// <exception cref="DinteroRollbackException">A second step failed (or what was made is of no use), and the first was undone, or could not be.</exception>
        public async Task<RowResult<TMade>> RunAsync(string accountId, int? row, TAsk ask, CancellationToken cancellationToken, bool claimed = false)
        {
            if (!claimed && Repeat(accountId, row, ask, RowOutcome.Skipped) is { } repeat) return repeat;
            if (!force && spec.FindsBeforeSending)
            {
                var found = await spec.FindAsync(accountId, ask, cancellationToken).ConfigureAwait(false);
                if (found?.Blocks == true) return Skip(accountId, ask, found.Made);
            }
            var sent = await SendAsync(accountId, ask, cancellationToken).ConfigureAwait(false);
            if (sent.Existed) return Skip(accountId, ask, sent.Made);
            var made = await FinishOrUndoAsync(accountId, ask, sent.Made, cancellationToken).ConfigureAwait(false);
            return new RowResult<TMade>(RowOutcome.Created, accountId, made, sent.Note);
        }

        // The send (what it made, or what its refusal found there already, and how, when worth saying): a refusal that
        // finds the row's thing makes a skip, or clears what is in the way and sends again.
        private async Task<(TMade Made, bool Existed, string? Note)> SendAsync(string accountId, TAsk ask, CancellationToken cancellationToken)
        {
            DinteroApiException refused;
            try
            {
                return await SendOnceAsync(accountId, ask, cancellationToken).ConfigureAwait(false);
            }
            catch (DinteroApiException refusal) when (!force)
            {
                refused = refusal;
            }
            var found = await spec.FoundByRefusalAsync(accountId, ask, refused, cancellationToken).ConfigureAwait(false);
            if (found == null) throw refused;
            if (found.Blocks) return (found.Made, true, null);
            await spec.ClearAsync(accountId, found.Made).ConfigureAwait(false);
            var again = await SendOnceAsync(accountId, ask, cancellationToken).ConfigureAwait(false);
            return (again.Made, false, again.Note ?? found.Note);
        }

        private RowResult<TMade> Skip(string accountId, TAsk ask, TMade existing) =>
            new RowResult<TMade>(RowOutcome.Skipped, accountId, existing, spec.SkipReason(accountId, ask, existing));

        // Null when the row is this input's first for its key; else the skip (for a plan, the skip it would be), named by
        // what the first row sends. A row that asks for more than the first sends is refused before anything is sent
        // (the spec says why): whichever row is sent first, the other would be a second thing, or none.
        private RowResult<TMade>? Repeat(string accountId, int? row, TAsk ask, RowOutcome skipped)
        {
            if (force) return null;
            var key = spec.ClaimKey(accountId, ask);
            if (claimed.TryAdd(key, (row, ask))) return null;
            claimed.TryGetValue(key, out var first);
            var earlier = first.Row == null ? "an earlier row" : $"pipeline item {first.Row}";
            if (spec.NoRepeat(first.Ask, ask, earlier) is { } refused)
            {
                throw new DinteroValidationException(row == null ? "The input" : "The row", new[] { refused });
            }
            return new RowResult<TMade>(skipped, accountId, null, $"the input names {spec.Repeated(accountId, first.Ask)} more than once; {earlier} sends {spec.Named(first.Ask)}");
        }

        private async Task<(TMade Made, bool Existed, string? Note)> SendOnceAsync(string accountId, TAsk ask, CancellationToken cancellationToken)
        {
            // Outside the send's try: a read that fails here is the row's failure, never a lost answer to settle.
            await spec.BeforeSendAsync(accountId, ask, force, cancellationToken).ConfigureAwait(false);
            var sentAt = spec.Api.Now;
            try
            {
                return (await spec.SendAsync(accountId, ask, force, cancellationToken).ConfigureAwait(false), false, null);
            }
            catch (DinteroException lost) when (lost.OutcomeUnknown && !cancellationToken.IsCancellationRequested)
            {
                return await SettleAsync(accountId, ask, spec.Api.ServerClock.ToServerTime(sentAt), lost).ConfigureAwait(false);
            }
        }

        // The answer was lost: read back, never send again. Proved stored is made; anything else is an error that says
        // whether the next run sends it. Not cancelled by a stop: what was sent is settled before the command ends.
        private async Task<(TMade Made, bool Existed, string? Note)> SettleAsync(string accountId, TAsk ask, DateTimeOffset? sentOnServerClock, DinteroException lost)
        {
            var reads = spec.ReadsBack(ask);
            TMade? found;
            ReadBackJudgement judgement;
            try
            {
                (found, judgement) = await spec.ReadBackAsync(accountId, ask, force, sentOnServerClock, CancellationToken.None).ConfigureAwait(false);
            }
            catch (DinteroException readBack)
            {
                throw new DinteroReadBackException(ReadBackFinding.CannotTell,
                    $"{Sentence(lost.Description)} Reading {reads} back failed too ({readBack.ErrorId}): {spec.This} may have been stored; it was not sent again.",
                    spec.Unsettled(accountId, ask), lost);
            }
            var what = $"{Sentence(lost.Description)} Reading {reads} back found {judgement.Found}";
            if (judgement.OfNoUse) throw await spec.UndoAsync(accountId, found!, what, lost, spec.SendAgain(force)).ConfigureAwait(false);
            if (judgement.Stored) return (found!, false, $"Dintero's answer was lost; reading {reads} back found {judgement.Found}");
            throw judgement.Finding == ReadBackFinding.NotStored
                ? new DinteroReadBackException(ReadBackFinding.NotStored, $"{what}: {spec.This} was not stored.", spec.SendAgain(force), lost)
                : new DinteroReadBackException(ReadBackFinding.CannotTell, $"{what}: it cannot be told whether {spec.This} was stored, so it was not sent again.", spec.Unsettled(accountId, ask), lost);
        }

        // Dintero's message, which may end without a full stop, as a sentence another follows.
        private static string Sentence(string text) =>
            text.TrimEnd().EndsWith(".", StringComparison.Ordinal) || text.TrimEnd().EndsWith("?", StringComparison.Ordinal) || text.TrimEnd().EndsWith("!", StringComparison.Ordinal) ? text.TrimEnd() : text.TrimEnd() + ".";

        private async Task<TMade> FinishOrUndoAsync(string accountId, TAsk ask, TMade made, CancellationToken cancellationToken)
        {
            try
            {
                return await spec.FinishAsync(accountId, ask, made, cancellationToken).ConfigureAwait(false);
            }
            catch (DinteroException failed)
            {
                // Undone even when the command is being stopped: half made is what a run must not leave.
                var (what, advice) = spec.FinishFailed(made, failed);
                throw await spec.UndoAsync(accountId, made, what, failed, advice).ConfigureAwait(false);
            }
        }

    }
}
