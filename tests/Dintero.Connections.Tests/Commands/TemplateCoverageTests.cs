using System.Collections;
using System.Reflection;
using Dintero.Connections.Tests.Support;

namespace Dintero.Connections.Tests.Commands;

/// <summary>
/// A template is the sheet its cmdlet takes: where a cmdlet binds a row's columns to its parameters by name
/// (Set-DinteroAccountSetting), every column of the template is one of those parameters' names, so a field the model
/// gains is a column that binds, or this fails until the cmdlet has its parameter.
/// </summary>
public sealed class TemplateCoverageTests
{
    private static IReadOnlyList<string> Columns(string kind)
    {
        var engine = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(StagedModule.Assembly)!.LoadFromAssemblyName(new AssemblyName("Dintero.Connections.Engine"));
        var named = engine.GetType("Dintero.Connections.Templates.TemplateKinds", throwOnError: true)!.GetMethod("Named")!.Invoke(null, new object[] { kind });
        var row = (IEnumerable)engine.GetType("Dintero.Connections.Templates.SignupTemplate", throwOnError: true)!.GetMethod("Row")!.Invoke(null, new[] { named })!;
        return row.Cast<object>().Select(cell => (string)cell.GetType().GetProperty("Key")!.GetValue(cell)!).ToList();
    }

    [Fact]
    public void Every_column_of_the_account_settings_template_binds_a_parameter_of_Set_DinteroAccountSetting_by_property_name()
    {
        var cmdlet = StagedModule.Cmdlets.Single(c => c.Name == "Set-DinteroAccountSetting");
        var byPropertyName = cmdlet.Parameters.Where(p => p.ValueFromPipelineByPropertyName).SelectMany(p => p.Aliases.Append(p.Name)).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var columns = Columns("AccountSetting");

        Assert.Contains("address", columns);
        Assert.All(columns, column => Assert.True(byPropertyName.Contains(column), $"The column {column} binds no parameter of Set-DinteroAccountSetting."));
    }
}
