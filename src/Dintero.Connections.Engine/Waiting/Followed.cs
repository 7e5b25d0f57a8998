using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Approvals;
using Dintero.Connections.Errors;
using Dintero.Connections.Http;
using Dintero.Connections.Kinds;
using Dintero.Connections.Models;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Waiting
{
    /// <summary>
    /// What a <see cref="StatusWaiter"/> follows: how to read it, its status, which statuses end the wait, and how it is
    /// named. One per thing Dintero decides: a connection's signup, a payment approval, a seller approval.
    /// </summary>
    public sealed class Followed<T> where T : class
    {
        internal Followed(string accountId, string kind, string what, Func<CancellationToken, Task<T>> read, Func<T, string?> statusOf, Func<string?, bool> isFinal, Func<T, string>? detail = null, Advice? advice = null)
        {
            AccountId = accountId;
            Kind = kind;
            What = what;
            Read = read;
            StatusOf = statusOf;
            IsFinal = isFinal;
            Detail = detail ?? (_ => string.Empty);
            Says = advice;
        }

        public string AccountId { get; }

        /// <summary>What kind of thing, as an error names it: a connection kind (Common), PaymentApproval, PayoutDestination.</summary>
        public string Kind { get; }

        /// <summary>Its name in a sentence, e.g. "The Common connection of account T11200001".</summary>
        public string What { get; }

        public Func<CancellationToken, Task<T>> Read { get; }

        public Func<T, string?> StatusOf { get; }

        public Func<string?, bool> IsFinal { get; }

        /// <summary>What else the error says of the last read, e.g. " (last event: signup_declined)".</summary>
        public Func<T, string> Detail { get; }

        /// <summary>What a failed wait advises, in the words of what is followed; null for a connection (the error report's own).</summary>
        public Advice? Says { get; }

        /// <summary>An approval's wait is no connection's: its error has no ConnectionType.</summary>
        public bool IsConnection => Says == null;

        /// <summary>What to do when the time ran out, and when it ended in another final status.</summary>
        public sealed class Advice
        {
            public Advice(string timedOut, string ended)
            {
                TimedOut = timedOut;
                Ended = ended;
            }

            public string TimedOut { get; }

            public string Ended { get; }
        }
    }

    /// <summary>The things a wait follows.</summary>
    public static class Follow
    {
        /// <summary>A connection's signup: final when enabled, failed or declined.</summary>
        public static Followed<Connection> Connection(DinteroApi api, ConnectionKind kind, string accountId) =>
            new Followed<Connection>(accountId, kind.Name, $"The {kind.Name} connection of account {accountId}", token => api.GetConnectionAsync(kind, accountId, token),
                connection => connection.status, KnownValues.IsFinal, connection => connection.last_event == null ? string.Empty : $" (last event: {connection.last_event})");

        /// <summary>
        /// An account's payment approval: the case with <paramref name="id"/>, or when none is given the account's newest;
        /// final when ACTIVE or ended (<see cref="CaseStatuses.IsFinal"/>).
        /// </summary>
        public static Followed<PaymentApproval> PaymentApproval(DinteroApi api, string accountId, string? id)
        {
            var read = $"Get-DinteroPaymentApproval -AccountId {accountId}";
            var advice = new Followed<PaymentApproval>.Advice(
                $"Wait again with a longer -Timeout, or read the case with {read} (its contract_url is the form the signatory signs).",
                $"Read the account's cases with {read} | Format-List for what Dintero says; New-DinteroPaymentApproval applies again.");
            var none = id == null
                ? $"Apply first: New-DinteroPaymentApproval -AccountId {accountId} -Approval <application> (Get-DinteroSignupTemplate -Kind {ApprovalKinds.PaymentApproval} gives its columns)."
                : $"Read the account's cases with {read}: the case {id} is not among them.";
            return new Followed<PaymentApproval>(accountId, ApprovalKinds.PaymentApproval, $"The payment approval{(id == null ? string.Empty : " " + id)} of account {accountId}",
                async token => Case(await api.ListPaymentApprovalsAsync(accountId, null, token).ConfigureAwait(false), id)
                    ?? throw NoCase($"account {accountId} has no payment approval{(id == null ? string.Empty : " " + id)}", accountId, ApprovalKinds.PaymentApproval, none),
                approval => approval.case_status, CaseStatuses.IsFinal, advice: advice);
        }

        /// <summary>
        /// A seller's approval under the platform's account: the case with <paramref name="id"/>, or when none is given the
        /// seller's newest; final when ACTIVE or ended.
        /// </summary>
        public static Followed<PayoutDestination> PayoutDestination(DinteroApi api, string accountId, string payoutDestinationId, string? id = null)
        {
            var read = $"Get-DinteroPayoutDestination -AccountId {accountId} -PayoutDestinationId {payoutDestinationId}";
            var advice = new Followed<PayoutDestination>.Advice(
                $"Wait again with a longer -Timeout, or read the seller's case with {read} (its contract_url is the form the seller signs).",
                $"Read the seller's cases with {read} | Format-List for what Dintero says; New-DinteroPayoutDestination applies again.");
            var none = id == null
                ? $"Apply first: New-DinteroPayoutDestination -AccountId {accountId} -Seller <application> (Get-DinteroSignupTemplate -Kind {ApprovalKinds.PayoutDestination} gives its columns)."
                : $"Read the seller's cases with {read}: the case {id} is not among them.";
            return new Followed<PayoutDestination>(accountId, ApprovalKinds.PayoutDestination, $"The seller approval{(id == null ? string.Empty : " " + id)} of {payoutDestinationId} under account {accountId}",
                async token => Case(await api.ListPayoutDestinationsAsync(accountId, payoutDestinationId, null, token).ConfigureAwait(false), id)
                    ?? throw NoCase($"account {accountId} has no seller approval{(id == null ? string.Empty : " " + id)} for {payoutDestinationId}", accountId, ApprovalKinds.PayoutDestination, none),
                seller => seller.case_status, CaseStatuses.IsFinal, advice: advice);
        }

        // The case asked for by id, else the newest: an account keeps its earlier cases (declined, archived) beside it.
        private static TCase? Case<TCase>(System.Collections.Generic.IEnumerable<TCase> cases, string? id)
            where TCase : class, IApprovalCase =>
            id != null
                ? cases.FirstOrDefault(each => string.Equals(each.id, id, StringComparison.OrdinalIgnoreCase))
                : cases.OrderByDescending(each => each.created_at ?? DateTimeOffset.MinValue).FirstOrDefault();

        private static DinteroWaitException NoCase(string what, string accountId, string kind, string advice) =>
            new DinteroWaitException($"Nothing to wait for: {what}.", accountId, kind, null, timedOut: false, null, advice, isConnection: false);
    }
}
