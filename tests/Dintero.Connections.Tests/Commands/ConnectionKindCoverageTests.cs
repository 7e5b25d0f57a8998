using System.Collections;
using System.Reflection;
using System.Xml.Linq;
using Dintero.Connections.Tests.Support;

namespace Dintero.Connections.Tests.Commands;

/// <summary>
/// The engine's list of kinds (ConnectionKinds.All) is the one list: every connection model has exactly one kind, and
/// every kind has its model, its views, its place in the [OutputType] of the cmdlets that read connections, and the
/// cmdlet that creates it. Adding a kind without the rest fails here.
/// </summary>
public sealed class ConnectionKindCoverageTests
{
    private static readonly XDocument Format = XDocument.Load(Path.Combine(Repository.StagedModule, "Dintero.Connections.format.ps1xml"));

    private sealed record Kind(string Name, Type Connection, Type? Signup);

    private static Assembly Contracts => StagedModule.Assembly.GetReferencedAssemblies()
        .Select(reference => System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(StagedModule.Assembly)!.LoadFromAssemblyName(reference))
        .Single(assembly => assembly.GetName().Name == "Dintero.Connections.Contracts");

    private static IReadOnlyList<Kind> Registry()
    {
        var engine = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(StagedModule.Assembly)!.LoadFromAssemblyName(new AssemblyName("Dintero.Connections.Engine"));
        var all = (IEnumerable)engine.GetType("Dintero.Connections.Kinds.ConnectionKinds", throwOnError: true)!.GetField("All")!.GetValue(null)!;
        return all.Cast<object>().Select(kind =>
        {
            var type = kind.GetType();
            var signup = type.IsGenericType && type.GetGenericTypeDefinition().Name == "SignupKind`2" ? type.GetGenericArguments()[0] : null;
            return new Kind((string)type.GetProperty("Name")!.GetValue(kind)!, (Type)type.GetProperty("ConnectionType")!.GetValue(kind)!, signup);
        }).ToList();
    }

    private static IReadOnlyList<Type> ConnectionModels()
    {
        var connection = Contracts.GetType("Dintero.Connections.Models.Connection", throwOnError: true)!;
        return Contracts.GetTypes().Where(type => !type.IsAbstract && connection.IsAssignableFrom(type)).ToList();
    }

    [Fact]
    public void Every_connection_model_has_exactly_one_kind_named_as_the_model_names_itself()
    {
        var kinds = Registry();
        var models = ConnectionModels();

        Assert.Equal(models.OrderBy(t => t.Name), kinds.Select(k => k.Connection).OrderBy(t => t.Name));
        foreach (var kind in kinds)
        {
            var named = (string)kind.Connection.GetProperty("connection_type")!.GetValue(Activator.CreateInstance(kind.Connection))!;
            Assert.Equal(named, kind.Name);
        }
        Assert.Equal(kinds.Count, kinds.Select(k => k.Name.ToLowerInvariant()).Distinct().Count());
    }

    [Theory]
    [InlineData("Get-DinteroConnection")]
    [InlineData("Wait-DinteroConnection")]
    public void The_cmdlets_that_read_connections_declare_every_kind_s_model(string name)
    {
        var cmdlet = StagedModule.Cmdlets.Single(c => c.Name == name);

        Assert.Equal(Registry().Select(k => k.Connection.FullName).Order(), cmdlet.OutputTypes.Select(t => t.FullName).Order());
    }

    [Fact]
    public void Every_kind_has_a_cmdlet_that_creates_it_from_its_own_signup()
    {
        foreach (var kind in Registry())
        {
            var cmdlet = StagedModule.Cmdlets.SingleOrDefault(c => c.Verb == "New" && c.OutputTypes.Count == 1 && c.OutputTypes[0] == kind.Connection);
            Assert.True(cmdlet != null, $"No New- cmdlet writes {kind.Connection.Name}.");
            Assert.Equal($"Dintero{kind.Name}Connection", cmdlet!.Noun);
            if (kind.Signup == null) continue;
            // The signup it takes is the kind's own: its -Signup parameter binds that model.
            var signup = cmdlet.Parameters.SingleOrDefault(p => p.Name == "Signup");
            Assert.True(signup != null, $"{cmdlet.Name} has no -Signup.");
            Assert.Contains(kind.Signup, cmdlet.Type.BaseType!.GetGenericArguments());
        }
    }

    [Fact]
    public void Every_kind_s_model_has_the_connection_table_and_a_list_view()
    {
        var sets = Format.Descendants("SelectionSet").ToDictionary(s => (string)s.Element("Name")!, s => s.Descendants("TypeName").Select(t => t.Value).ToList());
        var views = Format.Descendants("View").Select(view =>
        {
            var selected = view.Element("ViewSelectedBy")!;
            var types = selected.Elements("TypeName").Select(t => t.Value).Concat(selected.Elements("SelectionSetName").SelectMany(s => sets[s.Value])).ToList();
            return (Types: types, Table: view.Element("TableControl") != null, List: view.Element("ListControl") != null);
        }).ToList();

        Assert.Equal(Registry().Select(k => k.Connection.FullName).Order(), sets["Dintero.Connections.Connection"].Order());
        foreach (var kind in Registry())
        {
            Assert.Contains(views, view => view.Table && view.Types.Contains(kind.Connection.FullName!));
            Assert.Single(views, view => view.List && view.Types.Contains(kind.Connection.FullName!));
        }
    }
}
