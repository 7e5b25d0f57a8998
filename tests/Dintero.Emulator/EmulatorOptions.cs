namespace Dintero.Emulator;

/// <summary>How the emulator is set up: who may get tokens, for how long, on which port, by which clock.</summary>
public sealed class EmulatorOptions
{
    public const string DemoClientId = "demo-client";
    public const string DemoClientSecret = "demo-secret-change-me";
    public const string DemoAccountId = "T00000001";

    /// <summary>API clients: id to secret.</summary>
    public Dictionary<string, string> Clients { get; } = new(StringComparer.Ordinal) { [DemoClientId] = DemoClientSecret };

    /// <summary>What the token endpoint puts in <c>expires_in</c>.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>0 picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>The emulator's notion of now: tests move it to expire tokens without waiting.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Accounts whose company already has an organization number, so the Common signup is accepted.</summary>
    public List<string> AccountsWithOrganizationNumber { get; } = new() { DemoAccountId };

    /// <summary>
    /// When set, a pending connection turns enabled this long after it was created (seen at the next read), as if the
    /// merchant had signed; null leaves connections pending until moved through /_emulator.
    /// </summary>
    public TimeSpan? EnableAfter { get; set; }
}
