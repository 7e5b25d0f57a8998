using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Approvals;
using Dintero.Connections.Checkout;
using Dintero.Connections.Clients;
using Dintero.Connections.Errors;
using Dintero.Connections.Http;
using Dintero.Connections.Models;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Readiness
{
    /// <summary>
    /// Whether a merchant takes payments, from five reads one after another (the command's -ThrottleLimit counts merchants,
    /// so a merchant's reads keep to its one slot): its settings (each connection's status, and the payment types the
    /// enabled ones give, <see cref="PaymentTypes.OfConnections"/>), its payment approvals (an ACTIVE one is a way to take
    /// payments too, <see cref="PaymentTypes.OfApproval"/>, whatever newer cases the account has), its API clients and
    /// their grants (one with a checkout grant for the account, <see cref="ClientScopes.TakesPayments"/>), and its
    /// <c>default</c> payment profile (which of those types it has switched off). Live takes all three; a step whose read
    /// was refused is Unknown, not missing.
    /// </summary>
    public sealed class ReadinessCheck
    {
        /// <summary>The profile a shop's checkout uses unless it names another: every account has it.</summary>
        public const string DefaultProfile = "default";

        private readonly DinteroApi api;

        public ReadinessCheck(DinteroApi api) => this.api = api ?? throw new ArgumentNullException(nameof(api));

        /// <summary>Reads per merchant when every read is one page: the bench's floor counts these.</summary>
        public const int Reads = 5;

        /// <summary>The step <see cref="MerchantReadiness.missing"/> names when no connection is enabled.</summary>
        public const string ConnectionStep = "connection";

        /// <summary>The step named when a payment approval is in progress and no connection is enabled.</summary>
        public const string ApprovalStep = "approval";

        /// <summary>The step named when no API client has a checkout grant for the account.</summary>
        public const string ClientStep = "client";

        /// <summary>The step named when the default profile has enabled payment types off, or there is none.</summary>
        public const string ProfileStep = "profile";

        /// <exception cref="DinteroException">The settings could not be read: nothing of the merchant can be told.</exception>
        public async Task<ReadinessOutcome> CheckAsync(string accountId, CancellationToken cancellationToken)
        {
            var settings = await api.GetAccountSettingsAsync(accountId, cancellationToken).ConfigureAwait(false);
            var row = new MerchantReadiness { account_id = accountId, business_name = settings.company?.business_name };
            var statuses = settings.connection_status ?? new Dictionary<string, string?>();
            KindColumns.Fill(row, statuses);
            var types = PaymentTypes.OfConnections(settings.connections);

            // Each missing step by its name, with what does it (its fix); a fix never holds "; ", which joins them.
            var missing = new List<(string Step, string Fix)>();
            var unreadable = new List<string>();
            PaymentApproval? approval = null;
            try
            {
                // An ACTIVE case takes payments whatever newer cases exist (an application for more methods, in review or
                // declined): the row shows the newest ACTIVE one, else the newest, and the types come from every ACTIVE one.
                var cases = (await api.ListPaymentApprovalsAsync(accountId, null, cancellationToken).ConfigureAwait(false))
                    .OrderByDescending(each => each.created_at ?? DateTimeOffset.MinValue).ToList();
                var active = cases.Where(each => each.case_status == CaseStatuses.Active && each.deleted_at == null).ToList();
                approval = active.FirstOrDefault() ?? cases.FirstOrDefault();
                row.payment_approval = approval?.case_status;
                types = types.Concat(active.SelectMany(PaymentTypes.OfApproval)).Distinct(StringComparer.Ordinal).ToList();
            }
            catch (DinteroException refused) when (Unreadable(refused))
            {
                unreadable.Add($"payment approvals: {refused.ErrorId}: {refused.Description}");
            }
            row.enabled_types = string.Join(", ", types);
            if (!statuses.Values.Contains(KnownValues.Enabled) && approval?.case_status != CaseStatuses.Active)
            {
                var pending = statuses.Where(pair => pair.Value == KnownValues.Pending).Select(pair => pair.Key).ToList();
                if (approval != null && CaseStatuses.Blocks(approval.case_status))
                {
                    missing.Add((ApprovalStep, $"the payment approval is {approval.case_status}{(approval.contract_url == null ? string.Empty : $" (the signatory signs at {approval.contract_url})")}: Wait-DinteroPaymentApproval -AccountId {accountId}"));
                }
                else
                {
                    missing.Add((ConnectionStep, pending.Count > 0
                        ? $"the merchant has not signed ({string.Join(", ", pending)} pending): Wait-DinteroConnection -AccountId {accountId}"
                        : NoConnectionFix(accountId)));
                }
            }

            try
            {
                var clients = await api.ListApiClientsWithGrantsAsync(accountId, cancellationToken).ConfigureAwait(false);
                var accountUri = api.AccountUri(accountId);
                var paying = clients.FirstOrDefault(candidate => candidate.grants!.Any(grant => ClientScopes.TakesPayments(grant, accountUri)));
                row.checkout_client = paying != null;
                row.checkout_client_id = paying?.client_id;
                if (paying == null) missing.Add((ClientStep, $"New-DinteroApiClient -AccountId {accountId} -Name 'Web shop'"));
            }
            catch (DinteroException refused) when (Unreadable(refused))
            {
                unreadable.Add($"API clients: {refused.ErrorId}: {refused.Description}");
            }

            try
            {
                var profile = await api.GetPaymentProfileAsync(accountId, DefaultProfile, cancellationToken).ConfigureAwait(false);
                var off = types.Where(type => !PaymentTypes.IsOn(profile.configuration, type)).ToList();
                row.profile_off = string.Join(", ", off);
                if (off.Count > 0) missing.Add((ProfileStep, $"Set-DinteroPaymentProfile -AccountId {accountId} -Enable {string.Join(", ", off)}"));
            }
            catch (DinteroApiException none) when (none.StatusCode == 404)
            {
                row.profile_off = row.enabled_types;
                missing.Add((ProfileStep, $"ask Dintero's support: the account has no {DefaultProfile} payment profile, and Dintero gives every account one"));
            }
            catch (DinteroException refused) when (Unreadable(refused))
            {
                unreadable.Add($"payment profile: {refused.ErrorId}: {refused.Description}");
            }

            row.verdict = missing.Count > 0 ? ReadinessVerdict.NotLive : unreadable.Count > 0 ? ReadinessVerdict.Unknown : ReadinessVerdict.Live;
            row.missing = string.Join(", ", missing.Select(step => step.Step).Concat(unreadable.Select(reason => "unknown: " + reason.Substring(0, reason.IndexOf(':')))));
            row.fix = string.Join("; ", missing.Select(step => $"{step.Step}: {step.Fix}"));
            return new ReadinessOutcome(row, unreadable);
        }

        /// <summary>
        /// The connection step's fix when nothing is pending: a pointer to the sheets that sign one up or apply for payments
        /// (a signup or an application takes its fields, which no one-line command can guess), each runnable as shown.
        /// </summary>
        public static string NoConnectionFix(string accountId) =>
            $"sign one up or apply for payments: set account_id {accountId} in Get-DinteroSignupTemplate -Kind Common (or -Kind PaymentApproval) and pipe it to New-DinteroCommonConnection (or New-DinteroPaymentApproval)";

        // A refusal of the step's own (a scope the token lacks, an answer of Dintero's): the other steps still tell.
        private static bool Unreadable(DinteroException refused) =>
            refused is DinteroAccessException { Failure: DinteroAccessFailure.MissingScope } || refused is DinteroApiException || refused is DinteroValidationException;

    }
}
