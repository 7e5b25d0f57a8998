using System.Collections.Generic;

namespace Dintero.Connections.Models
{
    /// <summary>Whether a merchant takes payments, as Get-DinteroMerchantReadiness judges it.</summary>
    public enum ReadinessVerdict
    {
        /// <summary>An enabled connection or an ACTIVE payment approval, an API client with a checkout grant, and every payment type they give switched on in the default profile.</summary>
        Live,

        /// <summary>A step is missing: <see cref="MerchantReadiness.missing"/> names each.</summary>
        NotLive,

        /// <summary>A read failed, so a step could not be judged (the error says which); nothing found missing otherwise.</summary>
        Unknown,
    }

    /// <summary>
    /// One merchant's row of Get-DinteroMerchantReadiness: the status of each connection, whether an API client with a
    /// checkout grant exists, which enabled payment types the <c>default</c> profile has switched off, and the verdict with
    /// the missing steps named. Flat, so that Export-Csv writes it as it is; snake case, so that <c>account_id</c> pipes on.
    /// </summary>
    public sealed class MerchantReadiness
    {
        public string? account_id { get; set; }

        public string? business_name { get; set; }

        public ReadinessVerdict verdict { get; set; }

        /// <summary>
        /// The missing steps by name, joined with ", ": <c>connection</c> (no enabled connection and no ACTIVE payment
        /// approval), <c>approval</c> (a payment approval in progress, and no enabled connection), <c>client</c> (no API
        /// client with a checkout grant), <c>profile</c> (the default profile has types off that the connections or the
        /// approval give, or there is none); a read that was refused follows as <c>unknown: API clients</c>,
        /// <c>unknown: payment approvals</c> or <c>unknown: payment profile</c>. Empty when Live.
        /// Short, so that a table shows it whole and a script matches the names; <see cref="fix"/> says what does each.
        /// </summary>
        public string missing { get; set; } = string.Empty;

        /// <summary>
        /// What does each missing step, in the order of <see cref="missing"/>: the step's name, a colon and the command
        /// (e.g. <c>client: New-DinteroApiClient -AccountId T11200001 -Name 'Web shop'</c>), joined with "; ". Empty when
        /// nothing is missing.
        /// </summary>
        public string fix { get; set; } = string.Empty;

        // Each connection kind's status, a column per kind named as the kind: the engine fills them from its registry of
        // kinds (Readiness/KindColumns), and a test fails for a kind that has no column here.
        public string? common { get; set; }
        public string? bambora { get; set; }
        public string? collector { get; set; }
        public string? instabank { get; set; }
        public string? payex { get; set; }
        public string? swish { get; set; }
        public string? vipps { get; set; }

        /// <summary>The status of the account's newest payment approval (ACTIVE, WAITING_FOR_SIGNATURE, ...); null when it has none, or it could not be read.</summary>
        public string? payment_approval { get; set; }

        /// <summary>The payment types the enabled connections and an ACTIVE payment approval give, joined with ", ".</summary>
        public string enabled_types { get; set; } = string.Empty;

        /// <summary>True when an API client has a grant with a checkout scope for the account; null when it could not be read.</summary>
        public bool? checkout_client { get; set; }

        /// <summary>The client_id of the first such client (never a secret).</summary>
        public string? checkout_client_id { get; set; }

        /// <summary>Enabled payment types the default profile has switched off, joined with ", "; null when the profile could not be read.</summary>
        public string? profile_off { get; set; }

        /// <summary>The steps missing, as a list of their names (the same as <see cref="missing"/>).</summary>
        public IReadOnlyList<string> MissingSteps() => missing.Length == 0 ? new string[0] : missing.Split(new[] { ", " }, System.StringSplitOptions.None);
    }
}
