namespace Dintero.Emulator;

/// <summary>
/// An API client set up with the emulator (as in Backoffice): it belongs to one account, its tokens are for that account
/// only, and they carry <see cref="EmulatorOptions.ConfiguredClientScopes"/>. Clients made through the API
/// (<c>POST .../auth/clients</c>) live in the account store instead, and their tokens carry their grants' scopes.
/// </summary>
public sealed record ConfiguredClient(string Secret, string AccountId);

/// <summary>
/// How the emulator is set up: its clients (each of one account), its partners and their merchants, token lifetimes,
/// port and clock. A partner account's id ends in five zeros (T11200000 is partner 112); its merchants' ids here share
/// its prefix (T11200001, ...), as in Dintero's documented examples, up to its 99,999th (then they go on in the next
/// prefixes: Dintero's merchant ids need not share their partner's).
/// </summary>
/// <remarks>
/// Plain data, sent as JSON to an emulator host (Hosting/EmulatorHost) by tests that cannot run the emulator in their
/// own process (the engine's tests on .NET Framework compile this file in); what only a running emulator has (its
/// clock) is in EmulatorOptions.Runtime.cs.
/// </remarks>
public sealed partial class EmulatorOptions
{
    public const string DemoClientId = "demo-client";
    public const string DemoClientSecret = "demo-secret-change-me";
    public const string DemoAccountId = "T00000001";
    public const string DemoPartnerClientId = "demo-partner";
    public const string DemoPartnerClientSecret = "demo-partner-secret-change-me";
    public const string DemoPartnerId = "T11200000";

    /// <summary>Where the checkout API is served, under the emulator's root: its own base, as checkout.dintero.com/v1 is Dintero's.</summary>
    public const string CheckoutPath = "checkout/v1";

    /// <summary>
    /// What the tokens of the configured clients carry: the whole account, its checkout and its hooks. The checkout scope is
    /// spelled as Dintero's scope table spells it (admin:checkout; its partner guide says checkout:admin), the module's choice.
    /// </summary>
    public static readonly IReadOnlyList<string> ConfiguredClientScopes = new[] { "admin:accounts", "admin:checkout", "admin:hooks" };

    public EmulatorOptions()
    {
        Clients[DemoClientId] = new ConfiguredClient(DemoClientSecret, DemoAccountId);
        Clients[DemoPartnerClientId] = new ConfiguredClient(DemoPartnerClientSecret, DemoPartnerId);
        AddPartner(DemoPartnerId, merchants: 3);
    }

    /// <summary>API clients by id.</summary>
    public Dictionary<string, ConfiguredClient> Clients { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Each partner account's merchants, in the order they joined.</summary>
    public Dictionary<string, List<string>> Partners { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Adds <paramref name="merchants"/> merchants to the partner (making it one if it is not yet): the next free ids
    /// after the partner's, e.g. T11200001, up to T11299999; past its 99,999th, Dintero's merchant ids need not share the
    /// partner's prefix, and the ids go on in the following prefixes (T11300001, ...), skipping partner ids (ending in
    /// 00000) and the ids the options hold already. Returns the new merchants' ids, in the order they joined (ids' order).
    /// </summary>
    public IReadOnlyList<string> AddPartner(string partnerId, int merchants)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(partnerId, @"^[PT]\d{3}00000$")) throw new ArgumentException($"{partnerId} is not a partner account id: T or P, three digits, then 00000.", nameof(partnerId));
        if (merchants < 0) throw new ArgumentOutOfRangeException(nameof(merchants), merchants, "A partner cannot get fewer than no merchants.");
        if (!Partners.TryGetValue(partnerId, out var list)) Partners[partnerId] = list = new List<string>();
        var letter = partnerId.Substring(0, 1);
        var prefix = Number(partnerId) / 100_000;
        var next = (list.Count == 0 ? Number(partnerId) : Number(list[list.Count - 1])) + 1;
        HashSet<string>? takenHere = null;
        HashSet<string>? takenElsewhere = null;
        var added = new List<string>(merchants);
        while (added.Count < merchants)
        {
            if (next > 99_999_999) throw new InvalidOperationException($"{partnerId} cannot have more merchants: the account ids have run out after {list.Count + added.Count}.");
            var number = next++;
            if (number % 100_000 == 0) continue;
            var id = letter + number.ToString("00000000", System.Globalization.CultureInfo.InvariantCulture);
            // In the partner's own prefix, as ever, only another partner's merchants (past its own 99,999th) take an id; past
            // it, any account the options name does.
            var taken = number / 100_000 == prefix ? takenHere ??= Merchants(except: partnerId) : takenElsewhere ??= Accounts();
            if (!taken.Contains(id)) added.Add(id);
        }
        list.AddRange(added);
        return added;
    }

    private static int Number(string accountId) => int.Parse(accountId.Substring(1), System.Globalization.CultureInfo.InvariantCulture);

    private HashSet<string> Merchants(string except)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var partner in Partners)
        {
            ids.Add(partner.Key);
            if (partner.Key != except) ids.UnionWith(partner.Value);
        }
        return ids;
    }

    private HashSet<string> Accounts()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var partner in Partners)
        {
            ids.Add(partner.Key);
            ids.UnionWith(partner.Value);
        }
        foreach (var client in Clients.Values) ids.Add(client.AccountId);
        ids.UnionWith(AccountsWithOrganizationNumber);
        return ids;
    }

    /// <summary>Added to every API request before it is handled, as the network and Dintero would take: the benches' latency.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>What the token endpoint puts in <c>expires_in</c>.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>0 picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>
    /// Set: the emulator's clock stands at this time until /_emulator/clock/advance moves it (a test's manual clock,
    /// which moves the client's clock alike); null: the system's clock.
    /// </summary>
    public DateTimeOffset? ManualClockStart { get; set; }

    /// <summary>Accounts whose company already has an organization number, so the signups are accepted.</summary>
    public List<string> AccountsWithOrganizationNumber { get; set; } = new() { DemoAccountId };

    /// <summary>
    /// When set, a pending connection turns enabled this long after it was created (seen at the next read), as if the
    /// merchant had signed; null leaves connections pending until moved through /_emulator.
    /// </summary>
    public TimeSpan? EnableAfter { get; set; }

    /// <summary>
    /// When set, approval cases move on by themselves, a step this long after each change (State/ApprovalCase): a new case
    /// from WAITING_FOR_DECLARATION through WAITING_FOR_SIGNATURE and AUTOMATIC_REVIEW to ACTIVE, as if the signatory
    /// declared and signed and Dintero approved; a case of a test value (AUTO_APPROVE, ...) one step after it was made.
    /// Null, the default: cases move only on the control request (/_emulator/accounts/{aid}/approvals/{id}/status), and
    /// a test value decides its case at once.
    /// </summary>
    public TimeSpan? ApprovalStepAfter { get; set; }

    /// <summary>
    /// When set, a merchant token bought through a partner's exchange lacks the checkout scopes (admin:checkout,
    /// write:checkout, read:checkout): as for a partner whose own client has no checkout grant. Unset, it carries the
    /// partner's scopes, the module's reading of Dintero's documentation (uncertain: see docs/guides/go-live.md).
    /// </summary>
    public bool ExchangedTokensWithoutCheckout { get; set; }

    /// <summary>
    /// Set: the request log (/_emulator/requests) keeps only the last this many requests, so that a long run (a benchmark of
    /// a partner with 100,000 merchants) does not grow the emulator without bound; null, the default: every request.
    /// </summary>
    public int? RequestLogLimit { get; set; }

    /// <summary>After this many failed deliveries in a row, a webhook subscription is deleted, as Dintero deletes one.</summary>
    public int HookDeletedAfterFailures { get; set; } = 5;
}
