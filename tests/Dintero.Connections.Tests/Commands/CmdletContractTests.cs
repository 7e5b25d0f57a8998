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

    /// <summary>
    /// The commands are the assembly's cmdlet classes, found by reflection, and every test here takes them from there
    /// (<see cref="StagedModule.Cmdlets"/>: the classes with [Cmdlet]). So a class that derives from PowerShell's Cmdlet
    /// must carry the attribute, or it is no command and no contract test sees it; and each must be a class PowerShell
    /// can make and bind: public and sealed, with a public parameterless constructor, a PSCmdlet (the session state
    /// the module's session lives in), every parameter a public property it can set.
    /// </summary>
    [Fact]
    public void Every_cmdlet_class_is_a_command_PowerShell_can_make_and_bind()
    {
        var commandClasses = StagedModule.Assembly.GetTypes().Where(type => !type.IsAbstract && Bases(type).Contains("System.Management.Automation.Cmdlet")).ToList();

        Assert.NotEmpty(StagedModule.Cmdlets);
        Assert.Equal(commandClasses.Select(type => type.FullName).Order(), StagedModule.Cmdlets.Select(cmdlet => cmdlet.Type.FullName).Order());
        Assert.All(StagedModule.Cmdlets, cmdlet =>
        {
            Assert.True(cmdlet.Type.IsPublic && cmdlet.Type.IsSealed, $"{cmdlet.Name} ({cmdlet.Type.Name}) is not a public sealed class.");
            Assert.True(cmdlet.Type.GetConstructor(Type.EmptyTypes) != null, $"{cmdlet.Name} has no public parameterless constructor.");
            Assert.Contains("System.Management.Automation.PSCmdlet", Bases(cmdlet.Type));
            Assert.All(cmdlet.Parameters, parameter =>
                Assert.True(parameter.Property.GetSetMethod() != null && parameter.Property.GetGetMethod() != null, $"{cmdlet.Name} -{parameter.Name} is not a public read-write property."));
        });
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
        if (name == "Get-DinteroSignupTemplate")
        {
            // A sheet's row: an object whose properties are the kind's columns (type name Dintero.Connections.SignupTemplate).
            Assert.Equal(new[] { "System.Management.Automation.PSObject" }, cmdlet.OutputTypes.Select(type => type.FullName));
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
        if (name is "Disconnect-Dintero" or "Get-DinteroContext" or "Get-DinteroOnboardingLink" or "Test-DinteroWebhookSignature" or "Get-DinteroSignupTemplate")
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

    /// <summary>
    /// Ctrl+C (StopProcessing, a no-op in PowerShell's Cmdlet) and a pipeline cut short downstream (PowerShell disposes
    /// an IDisposable cmdlet) stop every cmdlet's calls in flight: what PowerShell calls on each class, and the base
    /// implementations that calls on to, reach a cancellation, and one method of the module owns it. Read from what
    /// PowerShell calls, not from the class names.
    /// </summary>
    [Fact]
    public void Every_cmdlet_cancels_its_calls_on_Ctrl_C_and_when_its_pipeline_ends_early_by_one_owner()
    {
        var owners = new Dictionary<string, HashSet<MethodInfo>> { ["StopProcessing"] = new(), ["Dispose"] = new() };
        foreach (var cmdlet in StagedModule.Cmdlets)
        {
            Assert.True(cmdlet.Type.GetInterfaces().Any(i => i.FullName == "System.IDisposable"), $"{cmdlet.Name} is not IDisposable: PowerShell cannot end it when its pipeline ends early.");
            foreach (var (name, owner) in owners)
            {
                var cancelling = CalledChain(cmdlet.Type, name).Where(method => MethodCalls(method, "Cancel", "CancellationTokenSource")).ToList();
                Assert.True(cancelling.Count > 0, $"{cmdlet.Name}: {name} cancels nothing.");
                owner.UnionWith(cancelling);
            }
        }
        // Each cancels in one place, both in the same class: one owner of the rule.
        Assert.All(owners, pair => Assert.True(pair.Value.Count == 1, $"{pair.Key} cancels in {pair.Value.Count} places: {string.Join(", ", pair.Value.Select(m => m.DeclaringType!.Name))}."));
        Assert.Single(owners.Values.SelectMany(owner => owner).Select(owner => owner.DeclaringType).Distinct());
    }

    // The method PowerShell calls on the class (as declared in this module), then each base one it calls on to.
    private static IEnumerable<MethodInfo> CalledChain(Type type, string name)
    {
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        for (var current = type; current != null && current.Assembly == StagedModule.Assembly; current = current.BaseType)
        {
            var method = current.GetMethod(name, Declared, null, Type.EmptyTypes, null);
            if (method == null) continue;
            yield return Definition(method);
            if (!MethodCalls(method, name, declaringType: null)) yield break;
        }
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

    // The same method whichever class it is reached from (a MethodInfo differs by the type it was read through).
    private static MethodInfo Definition(MethodInfo method) => (MethodInfo)method.Module.ResolveMethod(method.MetadataToken)!;

    private static IEnumerable<string> Bases(Type type)
    {
        for (var current = type.BaseType; current != null; current = current.BaseType) yield return current.FullName ?? current.Name;
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
        var typeArguments = current.IsGenericType ? current.GetGenericArguments() : Type.EmptyTypes;
        var methods = new[] { current }.Concat(current.GetNestedTypes(BindingFlags.NonPublic))
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));
        return methods.Any(method => MethodCalls(method, methodName, declaringType, typeArguments));
    }

    // Looks for a call to declaringType.methodName (a method of that name on any type for null) in one method's IL.
    private static bool MethodCalls(MethodInfo method, string methodName, string? declaringType, Type[]? typeArguments = null)
    {
        typeArguments ??= method.DeclaringType is { IsGenericType: true } generic ? generic.GetGenericArguments() : Type.EmptyTypes;
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il == null) return false;
        for (var i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] != 0x28 && il[i] != 0x6F) continue; // call, callvirt
            try
            {
                var called = method.Module.ResolveMethod(BitConverter.ToInt32(il, i + 1), typeArguments, Type.EmptyTypes);
                if (called?.Name == methodName && (declaringType == null || called.DeclaringType?.Name == declaringType)) return true;
            }
            catch (ArgumentException)
            {
                // Not a method token: the byte was an operand, not an opcode.
            }
        }
        return false;
    }
}
