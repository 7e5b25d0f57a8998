using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Approvals;
using Dintero.Connections.Models;

namespace Dintero.Connections.Http
{
    /// <summary>
    /// An account's approvals (<c>.../management/settings/approvals</c>, docs/openapi/dintero-approvals.yaml): its
    /// applications for payments, and a platform's applications for sellers (payout destinations). Lists come whole (no
    /// paging is documented), filtered as Dintero filters them; bank account numbers are masked by value in whatever is
    /// logged or thrown for a create.
    /// </summary>
    public sealed partial class DinteroApi
    {
        private const string PaymentApprovalsPath = "management/settings/approvals/payments";
        private const string PayoutDestinationsPath = "management/settings/approvals/payout-destinations";

        /// <summary>Applies for payments (<c>POST</c>), sent once: the case Dintero opened.</summary>
        public Task<PaymentApproval> CreatePaymentApprovalAsync(string accountId, CheckedApproval<PaymentApprovalSignup> approval, CancellationToken cancellationToken = default) =>
            SendAsync<PaymentApproval>(HttpMethod.Post, accountId, PaymentApprovalsPath, approval.Approval, RepeatPolicy.NotIdempotent, approval.SensitiveValues, cancellationToken);

        /// <summary>The account's payment approvals, with the statuses given (any, when none are).</summary>
        public async Task<IReadOnlyList<PaymentApproval>> ListPaymentApprovalsAsync(string accountId, IReadOnlyCollection<string>? caseStatuses, CancellationToken cancellationToken = default)
        {
            var list = await SendAsync<PaymentApprovalList>(HttpMethod.Get, accountId, PaymentApprovalsPath + Query(null, caseStatuses), null, RepeatPolicy.Safe, Array.Empty<string>(), cancellationToken).ConfigureAwait(false);
            return list.payments!;
        }

        /// <summary>Applies for a seller (<c>POST</c>), sent once: the case Dintero opened.</summary>
        public Task<PayoutDestination> CreatePayoutDestinationAsync(string accountId, CheckedApproval<PayoutDestinationSignup> seller, CancellationToken cancellationToken = default) =>
            SendAsync<PayoutDestination>(HttpMethod.Post, accountId, PayoutDestinationsPath, seller.Approval, RepeatPolicy.NotIdempotent, seller.SensitiveValues, cancellationToken);

        /// <summary>The platform's seller approvals, for one payout destination id or all, with the statuses given (any, when none are).</summary>
        public async Task<IReadOnlyList<PayoutDestination>> ListPayoutDestinationsAsync(string accountId, string? payoutDestinationId, IReadOnlyCollection<string>? caseStatuses, CancellationToken cancellationToken = default)
        {
            var list = await SendAsync<PayoutDestinationList>(HttpMethod.Get, accountId, PayoutDestinationsPath + Query(payoutDestinationId, caseStatuses), null, RepeatPolicy.Safe, Array.Empty<string>(), cancellationToken).ConfigureAwait(false);
            return list.payout_destinations!;
        }

        // The case_status filter repeated (collectionFormat multi, as Dintero's seller list documents it).
        private static string Query(string? payoutDestinationId, IReadOnlyCollection<string>? caseStatuses)
        {
            var parts = new List<string>();
            if (payoutDestinationId != null) parts.Add("payout_destination_id=" + Uri.EscapeDataString(payoutDestinationId));
            if (caseStatuses != null) parts.AddRange(caseStatuses.Select(status => "case_status=" + Uri.EscapeDataString(status)));
            return parts.Count == 0 ? string.Empty : "?" + string.Join("&", parts);
        }
    }
}
