using System.Text.RegularExpressions;
using Dintero.Connections.Tests.Support;
using Dintero.Emulator;
using Dintero.Emulator.Network;
using Xunit.Abstractions;

namespace Dintero.Connections.Tests.Pester;

/// <summary>
/// Runs each tests/*.Tests.ps1 in pwsh against the staged module and a fresh emulator. These show what only a
/// PowerShell host can: binding from the pipeline, -WhatIf, formatting, help, streams.
/// </summary>
public sealed partial class PesterSuiteTests(ITestOutputHelper log)
{
    public const string ClientId = "pester-client";
    public const string ClientSecret = "Pester-Client-Secret-5521";

    /// <summary>The suites' partner: partner 000, whose merchants are T00000001 to T00000400 (T00000001 also has its own client).</summary>
    public const string PartnerId = "T00000000";
    public const string PartnerClientId = "pester-partner";
    public const string PartnerClientSecret = "Pester-Partner-Secret-8830";

    /// <summary>A second client of the partner, for the test that revokes one.</summary>
    public const string SpareClientId = "pester-partner-spare";
    public const string SpareClientSecret = "Pester-Spare-Secret-2291";

    /// <summary>What the proxy that asks for credentials takes (tests/Network.Tests.ps1).</summary>
    public const string ProxyUser = "pester-ops";
    public const string ProxyPassword = "Pester-Proxy-Password-3307";

    public static IReadOnlyList<string> SuiteFiles() =>
        Directory.GetFiles(Repository.Tests, "*.Tests.ps1").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal).ToList();

    public static TheoryData<string> Suites() => new(SuiteFiles());

    [GeneratedRegex(@"Tests Passed: (\d+), Failed: (\d+)[^\r\n]*")]
    private static partial Regex Summary();

    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex ColorCodes();

    private static string Quoted(string text) => "'" + text.Replace("'", "''") + "'";

    [PesterTheory]
    [MemberData(nameof(Suites))]
    public async Task Pester_suite_passes(string suite)
    {
        Assert.True(PowerShellHost.WhyUnavailable == null, $"CI runs every Pester suite, and this one cannot run: {PowerShellHost.WhyUnavailable}");
        var options = new EmulatorOptions();
        // Both paths: a merchant's own client for its account, and a partner's client for its merchants.
        options.Clients[ClientId] = new ConfiguredClient(ClientSecret, EmulatorOptions.DemoAccountId);
        options.Clients[PartnerClientId] = new ConfiguredClient(PartnerClientSecret, PartnerId);
        options.Clients[SpareClientId] = new ConfiguredClient(SpareClientSecret, PartnerId);
        options.AddPartner(PartnerId, merchants: 400);
        // The README and the help pages follow signups to the end, as a user would against an emulator started with
        // --enable-after.
        if (suite is "Readme.Tests.ps1" or "Help.Tests.ps1") options.EnableAfter = TimeSpan.FromSeconds(3);
        await using var emulator = await DinteroEmulator.StartAsync(options);
        // Real forward proxies for the network suite (and for Connect-Dintero's proxy example in the help suite): one
        // open, one that asks for credentials. CI has tinyproxy (.ci/run installs it); elsewhere, without it, the proxy
        // tests are skipped.
        var needsProxy = suite is "Network.Tests.ps1" or "Help.Tests.ps1";
        Assert.True(!needsProxy || !PowerShellHost.InCI || ForwardProxy.WhyUnavailable == null, $"CI runs the proxy tests, and they cannot run: {ForwardProxy.WhyUnavailable}");
        await using var openProxy = needsProxy && ForwardProxy.WhyUnavailable == null ? await ForwardProxy.StartAsync() : null;
        await using var authProxy = needsProxy && ForwardProxy.WhyUnavailable == null ? await ForwardProxy.StartAsync(ProxyUser, ProxyPassword) : null;
        var environment = new Dictionary<string, string>
        {
            ["DINTERO_TEST_PROXY"] = openProxy?.Address.AbsoluteUri ?? string.Empty,
            ["DINTERO_TEST_AUTH_PROXY"] = authProxy?.Address.AbsoluteUri ?? string.Empty,
            ["DINTERO_TEST_PROXY_USER"] = ProxyUser,
            ["DINTERO_TEST_PROXY_PASSWORD"] = ProxyPassword,
            ["DINTERO_TEST_MODULE"] = Path.Combine(Repository.StagedModule, "Dintero.Connections.psd1"),
            ["DINTERO_TEST_BASE_URI"] = emulator.BaseUri.AbsoluteUri,
            ["DINTERO_TEST_CHECKOUT_BASE_URI"] = emulator.CheckoutBaseUri.AbsoluteUri,
            ["DINTERO_TEST_EMULATOR"] = emulator.RootUri.AbsoluteUri,
            ["DINTERO_TEST_CLIENT_ID"] = ClientId,
            ["DINTERO_TEST_CLIENT_SECRET"] = ClientSecret,
            ["DINTERO_TEST_ACCOUNT_ID"] = EmulatorOptions.DemoAccountId,
            ["DINTERO_TEST_PARTNER_ID"] = PartnerId,
            ["DINTERO_TEST_PARTNER_CLIENT_ID"] = PartnerClientId,
            ["DINTERO_TEST_PARTNER_CLIENT_SECRET"] = PartnerClientSecret,
            ["DINTERO_TEST_SPARE_CLIENT_ID"] = SpareClientId,
            ["DINTERO_TEST_SPARE_CLIENT_SECRET"] = SpareClientSecret,
            ["DINTERO_TEST_README"] = Repository.Readme,
        };
        var path = Quoted(Path.Combine(Repository.Tests, suite));
        // Plain text: the summary line is read back below, and colour codes would split it. Pester by path: the
        // version this build downloaded, whatever else the machine has.
        var command = $"if ($PSStyle) {{ $PSStyle.OutputRendering = 'PlainText' }}; Import-Module {Quoted(Repository.PesterModule)}; $c = New-PesterConfiguration; "
            + $"$c.Run.Path = {path}; $c.Run.Exit = $true; $c.Output.Verbosity = 'Detailed'; Invoke-Pester -Configuration $c";

        var (exit, raw) = PowerShellHost.Run(command, environment, TimeSpan.FromMinutes(10));
        var output = ColorCodes().Replace(raw, string.Empty);

        Assert.True(exit == 0, $"Pester {suite} exited {exit}:\n{output}");
        var summary = Summary().Match(output);
        Assert.True(summary.Success && int.Parse(summary.Groups[1].Value) > 0, $"Pester {suite} ran no test:\n{output}");
        log.WriteLine($"Pester {suite} in {PowerShellHost.Description}: {summary.Value}");
        // Kept for the end of a CI run, which prints every suite's counts (.ci/run): xunit shows one test per suite.
        Directory.CreateDirectory(Repository.PesterSummaries);
        File.WriteAllText(Path.Combine(Repository.PesterSummaries, suite + ".txt"), $"Pester {suite} in {PowerShellHost.Description}: {summary.Value}");
        if (authProxy != null) log.WriteLine($"Proxies: {openProxy!.RequestLines.Count} requests through the open one, {authProxy.RequestLines.Count} through the one that asks for credentials (407s included).");
        Assert.DoesNotContain(ClientSecret, output);
        Assert.DoesNotContain(PartnerClientSecret, output);
        Assert.DoesNotContain(SpareClientSecret, output);
        Assert.DoesNotContain(ProxyPassword, output);
    }
}
