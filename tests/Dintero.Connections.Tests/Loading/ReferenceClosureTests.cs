using System.Reflection;
using System.Runtime.Loader;
using Dintero.Connections.Tests.Support;
using Mono.Cecil;
using Xunit.Abstractions;

namespace Dintero.Connections.Tests.Loading;

/// <summary>
/// Whether the staged module can load on .NET Framework 4.7.2 (Windows PowerShell 5.1), read from its files: every
/// assembly reference of every shipped DLL resolves to a .NET Framework 4.7.2 assembly or facade of the same or a higher
/// version (framework assemblies unify upwards), to a DLL the module ships, or to System.Management.Automation 3.0.0.0,
/// which PowerShell brings. A shipped DLL of another version than the one asked for loads only because the module's
/// resolver answers by name (.NET Framework applies no binding redirects to a module): each such mismatch is listed, and
/// the resolver must answer it from the module's folders for the module's own assemblies, and for no one else.
/// </summary>
public sealed class ReferenceClosureTests(ITestOutputHelper log)
{
    private static readonly Version PowerShellStandard = new(3, 0, 0, 0);

    /// <summary>One reference of one shipped DLL, and what it resolves to.</summary>
    public sealed record Reference(string From, string Name, Version Asked, string? ResolvedBy, Version? Found);

    public static IReadOnlyList<Reference> Closure()
    {
        var framework = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in Directory.GetFiles(Repository.NetFramework472, "*.dll").Concat(Directory.GetFiles(Path.Combine(Repository.NetFramework472, "Facades"), "*.dll")))
        {
            AssemblyName name;
            try
            {
                name = AssemblyName.GetAssemblyName(path);
            }
            catch (BadImageFormatException)
            {
                continue; // a netmodule or a native file of the pack, not an assembly anyone references
            }
            framework[name.Name!] = name.Version!;
        }
        var shipped = ShippedFiles().ToDictionary(path => Path.GetFileNameWithoutExtension(path), path => AssemblyName.GetAssemblyName(path).Version!, StringComparer.OrdinalIgnoreCase);

        var references = new List<Reference>();
        foreach (var path in ShippedFiles())
        {
            using var module = ModuleDefinition.ReadModule(path);
            foreach (var reference in module.AssemblyReferences)
            {
                var from = Path.GetRelativePath(Repository.StagedModule, path);
                if (framework.TryGetValue(reference.Name, out var inFramework) && inFramework >= reference.Version)
                {
                    references.Add(new Reference(from, reference.Name, reference.Version, "framework", inFramework));
                }
                else if (shipped.TryGetValue(reference.Name, out var inModule))
                {
                    references.Add(new Reference(from, reference.Name, reference.Version, "shipped", inModule));
                }
                else if (reference.Name == "System.Management.Automation" && reference.Version == PowerShellStandard)
                {
                    references.Add(new Reference(from, reference.Name, reference.Version, "PowerShell", reference.Version));
                }
                else
                {
                    references.Add(new Reference(from, reference.Name, reference.Version, null, inFramework));
                }
            }
        }
        return references;
    }

    private static IEnumerable<string> ShippedFiles() =>
        Directory.GetFiles(Repository.StagedModule, "*.dll").Concat(Directory.GetFiles(Path.Combine(Repository.StagedModule, "Dependencies"), "*.dll")).Order(StringComparer.Ordinal);

    [Fact]
    public void Every_reference_of_every_shipped_DLL_resolves_on_NET_Framework_4_7_2()
    {
        var closure = Closure();
        var missing = closure.Where(reference => reference.ResolvedBy == null).ToList();

        Assert.True(missing.Count == 0, "Not in .NET Framework 4.7.2 at that version, nor shipped:\n" + string.Join("\n", missing.Select(m => $"  {m.From} -> {m.Name} {m.Asked}{(m.Found == null ? string.Empty : $" (the framework has {m.Found})")}")));
        Assert.True(closure.Count(reference => reference.ResolvedBy == "shipped") > 10, "Expected the engine's dependencies among the references.");
        Assert.Contains(closure, reference => reference.From == "Dintero.Connections.dll" && reference.ResolvedBy == "PowerShell");
        Assert.DoesNotContain(closure, reference => reference.ResolvedBy == "shipped" && reference.Found < reference.Asked);
    }

    [Fact]
    public void Each_version_mismatch_is_answered_by_the_resolver_from_the_module_s_folders_for_the_module_s_own_assemblies_only()
    {
        var mismatches = Closure().Where(reference => reference.ResolvedBy == "shipped" && reference.Found != reference.Asked).ToList();
        foreach (var mismatch in mismatches) log.WriteLine($"{mismatch.From} asks for {mismatch.Name} {mismatch.Asked}; {mismatch.Found} ships.");

        // As measured when this test was written: Microsoft.Extensions.Options asks for 4.2.0.0 and 4.2.1.0 ships. A
        // dependency bump may add more; each must then pass the same checks.
        Assert.Contains(mismatches, m => m.Name == "System.ComponentModel.Annotations" && m.From.EndsWith("Microsoft.Extensions.Options.dll", StringComparison.Ordinal));

        var inspection = new AssemblyLoadContext("closure inspection", isCollectible: true);
        try
        {
            var loader = inspection.LoadFromAssemblyPath(Repository.StagedAssembly).GetType("Dintero.Connections.Loading.DependencyLoader", throwOnError: true)!;
            var candidate = loader.GetMethod("FrameworkCandidate", BindingFlags.Public | BindingFlags.Static)!;
            string? Answer(string name, Assembly? requester) => (string?)candidate.Invoke(null, new object?[] { name, requester });
            foreach (var mismatch in mismatches)
            {
                var asked = $"{mismatch.Name}, Version={mismatch.Asked}, Culture=neutral";
                var requester = inspection.LoadFromAssemblyPath(Path.Combine(Repository.StagedModule, mismatch.From));
                var answer = Answer(asked, requester);

                Assert.True(answer != null, $"{mismatch.From} asks for {asked}, and the resolver does not answer it.");
                Assert.Equal(mismatch.Found, AssemblyName.GetAssemblyName(answer!).Version);
                Assert.StartsWith(Repository.StagedModule, answer);
                Assert.Null(Answer(asked, typeof(ReferenceClosureTests).Assembly));
                Assert.Null(Answer(asked, typeof(object).Assembly));
            }
        }
        finally
        {
            inspection.Unload();
        }
    }
}
