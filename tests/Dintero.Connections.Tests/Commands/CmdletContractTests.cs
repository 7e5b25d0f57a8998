using System.Reflection;
using Dintero.Connections.Tests.Support;

namespace Dintero.Connections.Tests.Commands;

/// <summary>PowerShell's conventions, checked by reflection over the staged module assembly.</summary>
public sealed class CmdletContractTests
{
    private static readonly string[] CommonParameters =
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ErrorVariable", "WarningVariable",
        "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
    };

    public static TheoryData<string> CmdletNames() => new(StagedModule.Cmdlets.Select(c => c.Name));

    private static CmdletMetadata Cmdlet(string name) => StagedModule.Cmdlets.Single(c => c.Name == name);

    [Fact]
    public void The_module_has_the_cmdlets_of_its_public_contract()
    {
        Assert.Equal(
            new[]
            {
                "Connect-Dintero", "Disconnect-Dintero", "Get-DinteroAccount", "Get-DinteroAccountSetting", "Get-DinteroApiClient", "Get-DinteroConnection",
                "Get-DinteroContext", "Get-DinteroMerchantReadiness", "Get-DinteroOnboardingLink", "Get-DinteroPaymentProfile", "Get-DinteroWebhook",
                "Get-DinteroWebhookDelivery", "Invoke-DinteroRequest", "New-DinteroApiClient", "New-DinteroBamboraConnection", "New-DinteroCollectorConnection",
                "New-DinteroCommonConnection", "New-DinteroCommonSignupLink", "New-DinteroInstabankConnection", "New-DinteroMerchantInvite", "New-DinteroPayExConnection",
                "New-DinteroSwishConnection", "New-DinteroVippsConnection", "New-DinteroWebhook", "Remove-DinteroApiClient", "Remove-DinteroWebhook",
                "Reset-DinteroApiClientSecret", "Send-DinteroWebhookPing", "Set-DinteroAccountSetting", "Set-DinteroPaymentProfile", "Test-DinteroWebhookSignature",
                "Wait-DinteroConnection",
            },
            StagedModule.Cmdlets.Select(c => c.Name));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Verb_is_approved_and_noun_has_the_Dintero_prefix(string name)
    {
        var cmdlet = Cmdlet(name);
        var approved = StagedModule.Assembly.GetReferencedAssemblies()
            .Where(reference => reference.Name == "System.Management.Automation")
            .Select(reference => AppDomain.CurrentDomain.GetAssemblies().Concat(new[] { cmdlet.Type.BaseType!.Assembly }).First(a => a.GetName().Name == reference.Name))
            .Single()
            .GetTypes()
            .Where(type => type.Namespace == "System.Management.Automation" && type.Name.StartsWith("Verbs", StringComparison.Ordinal))
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!))
            .ToHashSet();

        Assert.Contains("Connect", approved);
        Assert.Contains(cmdlet.Verb, approved);
        Assert.StartsWith("Dintero", cmdlet.Noun);
        Assert.True(cmdlet.Type.IsSealed, $"{name} is not sealed.");
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Every_cmdlet_declares_its_output_type(string name)
    {
        var cmdlet = Cmdlet(name);

        Assert.NotEmpty(cmdlet.OutputTypes);
        if (name == "Test-DinteroWebhookSignature")
        {
            // A check a receiver branches on: $true or $false.
            Assert.Equal(new[] { "System.Boolean" }, cmdlet.OutputTypes.Select(type => type.FullName));
            return;
        }
        if (name == "Invoke-DinteroRequest")
        {
            // The escape hatch writes what Invoke-RestMethod writes: objects, hashtables or the JSON text.
            Assert.Equal(new[] { "System.Management.Automation.PSObject", "System.Collections.Specialized.OrderedDictionary", "System.String" }, cmdlet.OutputTypes.Select(type => type.FullName));
            return;
        }
        Assert.All(cmdlet.OutputTypes, type => Assert.StartsWith("Dintero.Connections.", type.FullName));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Cmdlets_that_change_something_support_and_call_ShouldProcess(string name)
    {
        var cmdlet = Cmdlet(name);
        // Invoke-DinteroRequest changes something for every method but GET; a reset secret ends the old one, and a ping
        // makes Dintero deliver to the receiver.
        var changes = cmdlet.Verb is "New" or "Set" or "Remove" or "Reset" or "Send" || name == "Invoke-DinteroRequest";

        Assert.Equal(changes, cmdlet.SupportsShouldProcess);
        // The batch base asks ShouldProcess for every call planned as a change, and only for those.
        Assert.True(Calls(BatchBase, "ShouldProcess", "Cmdlet"));
        // A creator's change is planned by its run (Rows/CreatorRun), which the creator base makes for every one of them.
        var creates = Derives(cmdlet.Type, CreatorBase);
        Assert.Equal(changes, creates ? Calls(CreatorRunType, "Change", "BatchCall") : Calls(cmdlet.Type, "Change", "BatchCall", stopAt: BatchBase));
        if (creates) Assert.True(Calls(CreatorBase, "Plan", "CreatorRun`1"));
    }

    private static Type BatchBase => StagedModule.Assembly.GetTypes().Single(t => t.Name == "DinteroBatchCmdlet`1");

    private static Type CreatorBase => StagedModule.Assembly.GetTypes().Single(t => t.Name == "DinteroCreatorCmdlet`1");

    private static Type CreatorRunType => StagedModule.Assembly.GetTypes().Single(t => t.Name == "CreatorRun`2");

    private static bool Derives(Type type, Type definition)
    {
        for (var current = type; current != null; current = current.BaseType)
        {
            if (IsGenericOf(current, definition)) return true;
        }
        return false;
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Parameter_sets_are_unambiguous(string name)
    {
        var cmdlet = Cmdlet(name);
        // A default set that no parameter names is valid: it holds the parameters that belong to every set.
        var named = cmdlet.Parameters.Select(p => p.ParameterSetName).Where(s => s != ParameterMetadata.AllSets)
            .Concat(cmdlet.DefaultParameterSetName == null ? Array.Empty<string>() : new[] { cmdlet.DefaultParameterSetName })
            .Distinct().ToList();
        var sets = named.Count == 0 ? new List<string> { ParameterMetadata.AllSets } : named;

        foreach (var set in sets)
        {
            var members = cmdlet.Parameters.Where(p => p.ParameterSetName == set || p.ParameterSetName == ParameterMetadata.AllSets).ToList();
            var positions = members.Where(p => p.Position != null).Select(p => p.Position).ToList();
            Assert.True(positions.Count == positions.Distinct().Count(), $"{name}, set {set}: two parameters share a position.");
            Assert.True(members.Count(p => p.ValueFromPipeline) <= 1, $"{name}, set {set}: more than one parameter takes pipeline input by value.");
        }
        if (named.Count > 1)
        {
            Assert.Contains(cmdlet.DefaultParameterSetName, named);
            foreach (var set in named.Where(s => s != cmdlet.DefaultParameterSetName))
            {
                var own = cmdlet.Parameters.Where(p => p.ParameterSetName == set && p.Mandatory)
                    .Where(p => !cmdlet.Parameters.Any(other => other.Name == p.Name && other.ParameterSetName != set));
                Assert.True(own.Any(), $"{name}: set {set} has no mandatory parameter of its own, so PowerShell cannot tell it apart.");
            }
        }
        var names = cmdlet.ParameterNames.Concat(cmdlet.Parameters.SelectMany(p => p.Aliases)).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Empty(names.Intersect(CommonParameters, StringComparer.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void AccountId_binds_by_property_name_under_the_names_objects_carry_it(string name)
    {
        var cmdlet = Cmdlet(name);
        var accountId = cmdlet.Parameters.FirstOrDefault(p => p.Name == "AccountId");
        if (cmdlet.Verb == "Connect")
        {
            Assert.NotNull(accountId);
            return;
        }
        // These send nothing to Dintero: no account to reach.
        if (name is "Disconnect-Dintero" or "Get-DinteroContext" or "Get-DinteroOnboardingLink" or "Test-DinteroWebhookSignature")
        {
            Assert.Null(accountId);
            return;
        }

        Assert.NotNull(accountId);
        Assert.True(accountId!.ValueFromPipelineByPropertyName);
        Assert.Equal(new[] { "account_id", "aid" }, accountId.Aliases);
        Assert.Contains(cmdlet.Parameters, p => p.Name == "Context" && p.Property.PropertyType.Name == "DinteroContext");
        var throttle = cmdlet.Parameters.Single(p => p.Name == "ThrottleLimit");
        Assert.Equal(typeof(int).FullName, throttle.Property.PropertyType.FullName);
    }

    [Fact]
    public void The_New_cmdlets_take_the_signup_from_the_pipeline_by_value()
    {
        foreach (var name in new[] { "New-DinteroCommonConnection", "New-DinteroBamboraConnection" })
        {
            var signup = Cmdlet(name).Parameters.Single(p => p.Name == "Signup");
            Assert.True(signup.ValueFromPipeline && signup.Mandatory && signup.Position == 0, name);
        }
    }

    [Fact]
    public void Connect_offers_secret_credential_and_environment_parameter_sets()
    {
        var connect = Cmdlet("Connect-Dintero");

        Assert.Equal("Environment", connect.DefaultParameterSetName);
        Assert.Equal("SecureString", connect.Parameters.Single(p => p.Name == "ClientSecret").Property.PropertyType.Name);
        Assert.Equal("PSCredential", connect.Parameters.Single(p => p.Name == "Credential").Property.PropertyType.Name);
    }

    [Fact]
    public void Cmdlets_share_one_small_abstract_base()
    {
        Assert.All(StagedModule.Cmdlets, cmdlet => Assert.Contains("DinteroCmdlet", BaseNames(cmdlet.Type)));
        var baseType = StagedModule.Assembly.GetTypes().Single(t => t.Name == "DinteroCmdlet");
        Assert.True(baseType.IsAbstract);
        Assert.Contains(baseType.GetMethods(BindingFlags.NonPublic | BindingFlags.Instance), m => m.Name == "StopProcessing" && m.DeclaringType == baseType);
    }

    [Fact]
    public void The_manifest_exports_exactly_the_cmdlet_classes()
    {
        var manifest = new ManifestFile(Repository.Manifest);

        Assert.Equal(StagedModule.Cmdlets.Select(c => c.Name).Order(), manifest.List("CmdletsToExport").Order());
        Assert.Empty(manifest.List("FunctionsToExport"));
        Assert.Empty(manifest.List("AliasesToExport"));
        Assert.Equal(new[] { "Desktop", "Core" }, manifest.List("CompatiblePSEditions"));
        Assert.Equal("5.1", manifest.Value("PowerShellVersion"));
        Assert.Equal("Dintero.Connections.dll", manifest.Value("RootModule"));
        Assert.True(manifest.Contains("ReleaseNotes") && manifest.Contains("Tags"));
        Assert.DoesNotContain("*", string.Join(",", manifest.List("CmdletsToExport")));
    }

    [Fact]
    public void The_staged_module_holds_everything_the_manifest_names_and_nothing_of_PowerShell()
    {
        var manifest = new ManifestFile(Repository.Manifest);
        var staged = Repository.StagedModule;

        Assert.True(File.Exists(Path.Combine(staged, "Dintero.Connections.psd1")));
        Assert.True(File.Exists(Path.Combine(staged, manifest.Value("RootModule")!)));
        Assert.All(manifest.List("FormatsToProcess"), format => Assert.True(File.Exists(Path.Combine(staged, format)), format));
        Assert.True(File.Exists(Path.Combine(staged, "en-US", "Dintero.Connections.dll-Help.xml")));
        Assert.True(File.Exists(Path.Combine(staged, "en-US", "about_Dintero_Connections.help.txt")));
        Assert.True(File.Exists(Path.Combine(staged, "Dependencies", "Dintero.Connections.Engine.dll")));
        Assert.True(File.Exists(Path.Combine(staged, "Dintero.Connections.Contracts.dll")));
        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Root, "LICENSE")), File.ReadAllText(Path.Combine(staged, "LICENSE")));
        Assert.False(File.Exists(Path.Combine(staged, "Dependencies", "Dintero.Connections.Contracts.dll")));
        Assert.Equal(new[] { "Dintero.Connections.Contracts.dll", "Dintero.Connections.dll" }, Directory.GetFiles(staged, "*.dll").Select(Path.GetFileName).Order());
        Assert.Empty(Directory.GetFiles(staged, "System.Management.Automation.dll", SearchOption.AllDirectories));
        Assert.Equal(File.ReadAllText(Repository.Manifest), File.ReadAllText(Path.Combine(staged, "Dintero.Connections.psd1")));
    }

    [Fact]
    public void The_module_assembly_references_only_PowerShell_and_the_engine()
    {
        var references = StagedModule.Assembly.GetReferencedAssemblies().Select(r => r.Name!).Order().ToList();

        Assert.Equal(new[] { "Dintero.Connections.Contracts", "Dintero.Connections.Engine", "netstandard", "System.Management.Automation" }, references);
    }

    private static IEnumerable<string> BaseNames(Type type)
    {
        for (var current = type.BaseType; current != null; current = current.BaseType) yield return current.IsGenericType ? current.Name.Split('`')[0] : current.Name;
    }

    // Looks for a call to declaringType.method in the IL of the class and its bases from this module (up to stopAt),
    // lambdas included: they compile to methods of nested classes.
    private static bool Calls(Type type, string method, string declaringType, Type? stopAt = null)
    {
        for (var current = type; current != null && current.Assembly == type.Assembly && (stopAt == null || !IsGenericOf(current, stopAt)); current = current.BaseType)
        {
            if (CallsIn(current, method, declaringType)) return true;
        }
        return false;
    }

    private static bool IsGenericOf(Type type, Type definition) => type.IsGenericType ? type.GetGenericTypeDefinition() == definition : type == definition;

    private static bool CallsIn(Type current, string methodName, string declaringType)
    {
        {
            var typeArguments = current.IsGenericType ? current.GetGenericArguments() : Type.EmptyTypes;
            var methods = new[] { current }.Concat(current.GetNestedTypes(BindingFlags.NonPublic))
                .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));
            foreach (var method in methods)
            {
                var il = method.GetMethodBody()?.GetILAsByteArray();
                if (il == null) continue;
                for (var i = 0; i + 4 < il.Length; i++)
                {
                    if (il[i] != 0x28 && il[i] != 0x6F) continue; // call, callvirt
                    try
                    {
                        var called = method.Module.ResolveMethod(BitConverter.ToInt32(il, i + 1), typeArguments, Type.EmptyTypes);
                        if (called?.Name == methodName && called.DeclaringType?.Name == declaringType) return true;
                    }
                    catch (ArgumentException)
                    {
                        // Not a method token: the byte was an operand, not an opcode.
                    }
                }
            }
        }
        return false;
    }
}
