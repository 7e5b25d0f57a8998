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
        internal Followed(string accountId, string kind, string what, Func<CancellationToken, Task<T>> read, Func<T, string?> statusOf, Func<string?, bool> isFinal, Func<T, string>? detail = null)
        {
            AccountId = accountId;
            Kind = kind;
            What = what;
            Read = read;
            StatusOf = statusOf;
            IsFinal = isFinal;
            Detail = detail ?? (_ => string.Empty);
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
        public static Followed<PaymentApproval> PaymentApproval(DinteroApi api, string accountId, string? id) =>
            new Followed<PaymentApproval>(accountId, ApprovalKinds.PaymentApproval, $"The payment approval{(id == null ? string.Empty : " " + id)} of account {accountId}",
                async token => Case(await api.ListPaymentApprovalsAsync(accountId, null, token).ConfigureAwait(false), id, approval => approval.id, approval => approval.created_at)
                    ?? throw NoCase($"account {accountId} has no payment approval{(id == null ? string.Empty : " " + id)}", accountId, ApprovalKinds.PaymentApproval),
                approval => approval.case_status, CaseStatuses.IsFinal);

        /// <summary>A seller's approval under the platform's account: its newest case; final when ACTIVE or ended.</summary>
        public static Followed<PayoutDestination> PayoutDestination(DinteroApi api, string accountId, string payoutDestinationId) =>
            new Followed<PayoutDestination>(accountId, ApprovalKinds.PayoutDestination, $"The seller approval of {payoutDestinationId} under account {accountId}",
                async token => Case(await api.ListPayoutDestinationsAsync(accountId, payoutDestinationId, null, token).ConfigureAwait(false), null, seller => seller.id, seller => seller.created_at)
                    ?? throw NoCase($"account {accountId} has no seller approval for {payoutDestinationId}", accountId, ApprovalKinds.PayoutDestination),
                seller => seller.case_status, CaseStatuses.IsFinal);

        // The case asked for by id, else the newest: an account keeps its earlier cases (declined, archived) beside it.
        private static TCase? Case<TCase>(System.Collections.Generic.IEnumerable<TCase> cases, string? id, Func<TCase, string?> idOf, Func<TCase, DateTimeOffset?> createdAt)
            where TCase : class =>
            id != null
                ? cases.FirstOrDefault(each => string.Equals(idOf(each), id, StringComparison.OrdinalIgnoreCase))
                : cases.OrderByDescending(each => createdAt(each) ?? DateTimeOffset.MinValue).FirstOrDefault();

        private static DinteroWaitException NoCase(string what, string accountId, string kind) =>
            new DinteroWaitException($"Nothing to wait for: {what}.", accountId, kind, null, timedOut: false, null);
    }
}
