namespace Dintero.Emulator;

/// <summary>An API client as Dintero has it: it belongs to one account, and its tokens are for that account only.</summary>
public sealed record ApiClient(string Secret, string AccountId);

/// <summary>
/// How the emulator is set up: its clients (each of one account), its partners and their merchants, token lifetimes,
/// port and clock. A partner account's id ends in five zeros (T11200000 is partner 112); its merchants' ids here share
/// its prefix (T11200001, ...), as in Dintero's documented examples.
/// </summary>
public sealed class EmulatorOptions
{
    public const string DemoClientId = "demo-client";
    public const string DemoClientSecret = "demo-secret-change-me";
    public const string DemoAccountId = "T00000001";
    public const string DemoPartnerClientId = "demo-partner";
    public const string DemoPartnerClientSecret = "demo-partner-secret-change-me";
    public const string DemoPartnerId = "T11200000";

    public EmulatorOptions()
    {
        Clients[DemoClientId] = new ApiClient(DemoClientSecret, DemoAccountId);
        Clients[DemoPartnerClientId] = new ApiClient(DemoPartnerClientSecret, DemoPartnerId);
        AddPartner(DemoPartnerId, merchants: 3);
    }

    /// <summary>API clients by id.</summary>
    public Dictionary<string, ApiClient> Clients { get; } = new(StringComparer.Ordinal);

    /// <summary>Each partner account's merchants, in the order they joined.</summary>
    public Dictionary<string, List<string>> Partners { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Adds <paramref name="merchants"/> merchants to the partner (making it one if it is not yet): the next free ids
    /// after the partner's, e.g. T11200001. Returns the new merchants' ids.
    /// </summary>
    public IReadOnlyList<string> AddPartner(string partnerId, int merchants)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(partnerId, @"^[PT]\d{3}00000$")) throw new ArgumentException($"{partnerId} is not a partner account id: T or P, three digits, then 00000.", nameof(partnerId));
        if (!Partners.TryGetValue(partnerId, out var list)) Partners[partnerId] = list = new List<string>();
        var added = new List<string>();
        var next = list.Count == 0 ? 1 : int.Parse(list[^1][4..]) + 1;
        for (var i = 0; i < merchants; i++, next++) added.Add(partnerId[..4] + next.ToString("00000"));
        list.AddRange(added);
        return added;
    }

    /// <summary>Added to every API request before it is handled, as the network and Dintero would take: the benches' latency.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>What the token endpoint puts in <c>expires_in</c>.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>0 picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>The emulator's notion of now: tests move it to expire tokens without waiting.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Accounts whose company already has an organization number, so the signups are accepted.</summary>
    public List<string> AccountsWithOrganizationNumber { get; } = new() { DemoAccountId };

    /// <summary>
    /// When set, a pending connection turns enabled this long after it was created (seen at the next read), as if the
    /// merchant had signed; null leaves connections pending until moved through /_emulator.
    /// </summary>
    public TimeSpan? EnableAfter { get; set; }
}
