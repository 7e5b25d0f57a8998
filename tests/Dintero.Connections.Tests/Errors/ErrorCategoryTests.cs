using System.Reflection;
using System.Runtime.Loader;
using Dintero.Connections.Tests.Support;

namespace Dintero.Connections.Tests.Errors;

/// <summary>The engine reports PowerShell's error categories by value (it cannot reference PowerShell): they must agree.</summary>
public sealed class ErrorCategoryTests
{
    [Fact]
    public void Every_RecordCategory_has_the_name_and_value_of_PowerShell_s_ErrorCategory()
    {
        var context = new AssemblyLoadContext("categories", isCollectible: false);
        var powerShell = context.LoadFromAssemblyPath(Repository.PowerShellStub).GetType("System.Management.Automation.ErrorCategory", throwOnError: true)!;
        var engine = context.LoadFromAssemblyPath(Path.Combine(Repository.StagedModule, "Dependencies", "Dintero.Connections.Engine.dll"));
        var ours = engine.GetType("Dintero.Connections.Errors.RecordCategory", throwOnError: true)!;

        var expected = powerShell.GetFields(BindingFlags.Public | BindingFlags.Static).ToDictionary(f => f.Name, f => Convert.ToInt32(f.GetRawConstantValue()));
        var fields = ours.GetFields(BindingFlags.Public | BindingFlags.Static);

        Assert.NotEmpty(fields);
        Assert.All(fields, field =>
        {
            Assert.True(expected.TryGetValue(field.Name, out var value), $"PowerShell has no ErrorCategory.{field.Name}.");
            Assert.Equal(value, Convert.ToInt32(field.GetRawConstantValue()));
        });
    }
}
