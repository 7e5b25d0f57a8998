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

    /// <summary>The suite that runs a document's ```powershell blocks: once per document, each with an emulator of its own.</summary>
    public const string DocumentSuite = "Readme.Tests.ps1";

    public static IReadOnlyList<string> SuiteFiles() =>
        Directory.GetFiles(Repository.Tests, "*.Tests.ps1").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal).ToList();

    public static TheoryData<string> Suites() => new(SuiteFiles().Where(suite => suite != DocumentSuite));

    /// <summary>The README and every guide with a block to run (a guide of prose and illustrations alone has none).</summary>
    public static TheoryData<string, string> DocumentRuns()
    {
        var runs = new TheoryData<string, string>();
        foreach (var document in Repository.Documents().Where(document => MarkdownText.RunnableBlocks(MarkdownText.Read(document)).Count > 0))
        {
            runs.Add(DocumentSuite, document);
        }
        return runs;
    }

    [GeneratedRegex(@"Tests Passed: (\d+), Failed: (\d+)[^\r\n]*")]
    private static partial Regex Summary();

    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex ColorCodes();

    private static string Quoted(string text) => "'" + text.Replace("'", "''") + "'";

    [PesterTheory]
    [MemberData(nameof(Suites))]
    public Task Pester_suite_passes(string suite) => RunSuite(suite, document: null);

    // Each document starts where a reader who opens it starts: a fresh emulator, a fresh pwsh, nothing connected. The
    // suite is named in the test's name, so that a filter on Readme.Tests picks every document.
    [PesterTheory]
    [MemberData(nameof(DocumentRuns))]
    public Task Pester_suite_passes_for_document(string suite, string document) => RunSuite(suite, document);

    private async Task RunSuite(string suite, string? document)
    {
        var name = document == null ? suite : $"{suite} on {document}";
        Assert.True(PowerShellHost.WhyUnavailable == null, $"CI runs every Pester suite, and this one cannot run: {PowerShellHost.WhyUnavailable}");
        var options = new EmulatorOptions();
        // Both paths: a merchant's own client for its account, and a partner's client for its merchants.
        options.Clients[ClientId] = new ConfiguredClient(ClientSecret, EmulatorOptions.DemoAccountId);
        options.Clients[PartnerClientId] = new ConfiguredClient(PartnerClientSecret, PartnerId);
        options.Clients[SpareClientId] = new ConfiguredClient(SpareClientSecret, PartnerId);
        options.AddPartner(PartnerId, merchants: 400);
        // The README, the guides and the help pages follow signups to the end, as a user would against an emulator
        // started with --enable-after.
        if (suite is DocumentSuite or "Help.Tests.ps1") options.EnableAfter = TimeSpan.FromSeconds(3);
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
            ["DINTERO_TEST_DOCUMENT"] = document == null ? string.Empty : Path.Combine(Repository.Root, document),
        };
        var path = Quoted(Path.Combine(Repository.Tests, suite));
        // Plain text: the summary line is read back below, and colour codes would split it. Pester by path: the
        // version this build downloaded, whatever else the machine has.
        var command = $"if ($PSStyle) {{ $PSStyle.OutputRendering = 'PlainText' }}; Import-Module {Quoted(Repository.PesterModule)}; $c = New-PesterConfiguration; "
            + $"$c.Run.Path = {path}; $c.Run.Exit = $true; $c.Output.Verbosity = 'Detailed'; Invoke-Pester -Configuration $c";

        var (exit, raw) = PowerShellHost.Run(command, environment, TimeSpan.FromMinutes(10));
        var output = ColorCodes().Replace(raw, string.Empty);

        Assert.True(exit == 0, $"Pester {name} exited {exit}:\n{output}");
        var summary = Summary().Match(output);
        Assert.True(summary.Success && int.Parse(summary.Groups[1].Value) > 0, $"Pester {name} ran no test:\n{output}");
        log.WriteLine($"Pester {name} in {PowerShellHost.Description}: {summary.Value}");
        // Kept for the end of a CI run, which prints every suite's counts (.ci/run): xunit shows one test per suite.
        Directory.CreateDirectory(Repository.PesterSummaries);
        File.WriteAllText(Path.Combine(Repository.PesterSummaries, name.Replace('/', '-') + ".txt"), $"Pester {name} in {PowerShellHost.Description}: {summary.Value}");
        if (authProxy != null) log.WriteLine($"Proxies: {openProxy!.RequestLines.Count} requests through the open one, {authProxy.RequestLines.Count} through the one that asks for credentials (407s included).");
        Assert.DoesNotContain(ClientSecret, output);
        Assert.DoesNotContain(PartnerClientSecret, output);
        Assert.DoesNotContain(SpareClientSecret, output);
        Assert.DoesNotContain(ProxyPassword, output);
    }
}
