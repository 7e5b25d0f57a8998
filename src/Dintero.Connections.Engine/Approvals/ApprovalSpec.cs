using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Http;
using Dintero.Connections.Models;
using Dintero.Connections.Rows;

namespace Dintero.Connections.Approvals
{
    /// <summary>
    /// An application Dintero reviews as a case (a payment approval, a seller's), as a <see cref="RowSpec{TAsk, TMade}"/>:
    /// the cases of the row's key (its <see cref="RowSpec{TAsk, TMade}.ClaimKey"/>: an account, or a seller under it) are
    /// read, and one that has not ended skips the row; under -Force they are read before sending all the same, once a run,
    /// so that a lost answer is proved only by a case the run did not know of (<see cref="KnownCases"/>: one opened a
    /// second earlier looks new on Dintero's whole-second clock). The two kinds differ only in how their cases are listed
    /// and made, which listed cases are the key's, and what shows a case read back to be the one sent.
    /// </summary>
    public abstract class ApprovalSpec<TSignup, TCase> : RowSpec<CheckedApproval<TSignup>, TCase>
        where TSignup : DinteroModel
        where TCase : class, IApprovalCase
    {
        private readonly KnownCases known = new KnownCases();

        protected ApprovalSpec(DinteroApi api)
            : base(api)
        {
        }

        /// <summary>The cases Dintero lists for the row's key.</summary>
        protected abstract Task<IReadOnlyList<TCase>> ListAsync(string accountId, CheckedApproval<TSignup> ask, CancellationToken cancellationToken);

        /// <summary>The application sent: the case Dintero opened.</summary>
        protected abstract Task<TCase> CreateAsync(string accountId, CheckedApproval<TSignup> ask, CancellationToken cancellationToken);

        /// <summary>Whether a listed case is of the row's key (every case of the account, or the seller's).</summary>
        protected abstract bool IsOfKey(CheckedApproval<TSignup> ask, TCase listed);

        /// <summary>Whether a case read back after a lost answer is of what was sent.</summary>
        protected abstract bool IsOfSent(CheckedApproval<TSignup> ask, TCase listed);

        public sealed override async Task<Found<TCase>?> FindAsync(string accountId, CheckedApproval<TSignup> ask, CancellationToken cancellationToken)
        {
            var open = (await ReadCasesAsync(accountId, ask, cancellationToken).ConfigureAwait(false))
                .Where(listed => IsOfKey(ask, listed) && CaseStatuses.Blocks(listed.case_status))
                .OrderByDescending(listed => listed.created_at ?? DateTimeOffset.MinValue)
                .FirstOrDefault();
            return open == null ? null : new Found<TCase>(open, blocks: true);
        }

        // Under -Force nothing was found first: the key's cases are read before sending, once a run.
        public sealed override async Task BeforeSendAsync(string accountId, CheckedApproval<TSignup> ask, bool force, CancellationToken cancellationToken)
        {
            if (!known.WereRead(ClaimKey(accountId, ask))) await ReadCasesAsync(accountId, ask, cancellationToken).ConfigureAwait(false);
        }

        public sealed override async Task<TCase> SendAsync(string accountId, CheckedApproval<TSignup> ask, bool force, CancellationToken cancellationToken)
        {
            var key = ClaimKey(accountId, ask);
            known.Sending(key);
            TCase? made = null;
            try
            {
                made = await CreateAsync(accountId, ask, cancellationToken).ConfigureAwait(false);
                return made;
            }
            finally
            {
                known.Sent(key, made?.id);
            }
        }

        public sealed override async Task<(TCase? Found, ReadBackJudgement Judgement)> ReadBackAsync(string accountId, CheckedApproval<TSignup> ask, bool force, DateTimeOffset? sentOnServerClock, CancellationToken cancellationToken)
        {
            var cases = await ListAsync(accountId, ask, cancellationToken).ConfigureAwait(false);
            return known.Judge(ClaimKey(accountId, ask), cases, listed => IsOfSent(ask, listed), sentOnServerClock);
        }

        private async Task<IReadOnlyList<TCase>> ReadCasesAsync(string accountId, CheckedApproval<TSignup> ask, CancellationToken cancellationToken)
        {
            var cases = await ListAsync(accountId, ask, cancellationToken).ConfigureAwait(false);
            known.Read(ClaimKey(accountId, ask), cases.Where(listed => IsOfKey(ask, listed)).Select(listed => listed.id));
            return cases;
        }
    }
}
