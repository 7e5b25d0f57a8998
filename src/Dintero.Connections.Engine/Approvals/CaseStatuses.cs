using System;
using System.Collections.Generic;
using System.Linq;

namespace Dintero.Connections.Approvals
{
    /// <summary>
    /// An approval case's statuses (Dintero's ApprovalStatus; Dintero.Node.SDK payments.d.ts, TERMINATED since 2026-04).
    /// ACTIVE is the goal; DECLINED, TERMINATED, ERROR and ARCHIVED end a case without it; the others are a case in
    /// progress. UNCERTAIN: Dintero does not document which statuses are final; the module reads these four as ended.
    /// </summary>
    public static class CaseStatuses
    {
        public const string Active = "ACTIVE";
        public const string Declined = "DECLINED";
        public const string WaitingForSignature = "WAITING_FOR_SIGNATURE";

        /// <summary>Every status, the closed list -CaseStatus completes and checks.</summary>
        public static readonly IReadOnlyList<string> All = new[]
        {
            Active, Declined, "UNDER_MANUAL_REVIEW", "AUTOMATIC_REVIEW", WaitingForSignature, "WAITING_FOR_DECLARATION", "ERROR", "ARCHIVED", "WAITING_FOR_DETAILS", "TERMINATED",
        };

        /// <summary>The statuses that end a case without approval: a wait fails on them, and a new application may be sent.</summary>
        public static readonly IReadOnlyList<string> Ended = new[] { Declined, "TERMINATED", "ERROR", "ARCHIVED" };

        /// <summary>ACTIVE, or ended: a wait stops here.</summary>
        public static bool IsFinal(string? status) => status == Active || IsEnded(status);

        public static bool IsEnded(string? status) => status != null && Ended.Contains(status, StringComparer.Ordinal);

        /// <summary>A case that makes a new application a repeat: approved, or still in progress (anything but ended).</summary>
        public static bool Blocks(string? status) => !IsEnded(status);

        /// <summary>A -CaseStatus filter as Dintero spells it (ACTIVE, whatever case it was typed in); null for none.</summary>
        /// <exception cref="Errors.DinteroValidationException">A status not in the list, with a "did you mean"; nothing is sent.</exception>
        public static IReadOnlyList<string>? Checked(IReadOnlyList<string>? given)
        {
            if (given == null || given.Count == 0) return null;
            var check = new Validation.ProblemCollector();
            var known = given.Select((status, index) => check.Named(status, All, $"CaseStatus[{index}]", "case status")).ToList();
            check.ThrowIfAny("-CaseStatus");
            return known.Select(status => status!).Distinct(StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>The names of the approval kinds, as errors, reports and -Kind say them.</summary>
    public static class ApprovalKinds
    {
        public const string PaymentApproval = "PaymentApproval";
        public const string PayoutDestination = "PayoutDestination";
    }
}
