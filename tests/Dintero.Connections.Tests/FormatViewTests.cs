using System.Reflection;
using System.Xml.Linq;
using Dintero.Connections.Tests.Support;

namespace Dintero.Connections.Tests;

/// <summary>The format file names real types and real properties, and never shows a Bambora secret.</summary>
public sealed class FormatViewTests
{
    private static readonly XDocument Format = XDocument.Load(Path.Combine(Repository.StagedModule, "Dintero.Connections.format.ps1xml"));

    /// <summary>
    /// What a view of the type may show: a type's public properties. A report's rows (PSCustomObjects named
    /// Dintero.Connections.*Report) have the columns the engine's RowReport gives them; tests/Views.Tests.ps1 checks those
    /// views against real report rows. Null for a report.
    /// </summary>
    private static ISet<string>? PropertiesOf(string typeName) =>
        typeName.StartsWith("Dintero.Connections.", StringComparison.Ordinal) && typeName.EndsWith("Report", StringComparison.Ordinal) && !typeName.Contains(".Models.", StringComparison.Ordinal)
            ? null
            : TypeNamed(typeName).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    private static Type TypeNamed(string name)
    {
        var context = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(StagedModule.Assembly)!;
        return StagedModule.Assembly.GetReferencedAssemblies()
            .Where(reference => reference.Name!.StartsWith("Dintero.Connections", StringComparison.Ordinal))
            .Select(reference => context.LoadFromAssemblyName(reference).GetType(name))
            .FirstOrDefault(type => type != null)
            ?? throw new Xunit.Sdk.XunitException($"The format file names {name}, which does not exist.");
    }

    [Fact]
    public void Every_view_selects_existing_types_and_shows_existing_properties()
    {
        var sets = Format.Descendants("SelectionSet").ToDictionary(s => (string)s.Element("Name")!, s => s.Descendants("TypeName").Select(t => t.Value).ToList());
        var views = Format.Descendants("View").ToList();
        Assert.NotEmpty(views);
        foreach (var view in views)
        {
            var selected = view.Element("ViewSelectedBy")!;
            var typeNames = selected.Elements("TypeName").Select(t => t.Value)
                .Concat(selected.Elements("SelectionSetName").SelectMany(s => sets[s.Value]))
                .ToList();
            Assert.NotEmpty(typeNames);
            foreach (var typeName in typeNames)
            {
                var properties = PropertiesOf(typeName);
                if (properties == null) continue;
                foreach (var property in view.Descendants("PropertyName").Select(p => p.Value))
                {
                    Assert.True(properties.Contains(property), $"{view.Element("Name")!.Value}: {typeName} has no property {property}.");
                }
            }
        }
    }

    [Fact]
    public void There_are_table_and_list_views_for_connections_and_a_view_for_the_context()
    {
        var selected = Format.Descendants("View").Select(v => (Name: v.Element("Name")!.Value, Table: v.Element("TableControl") != null, List: v.Element("ListControl") != null)).ToList();

        Assert.Contains(selected, v => v.Name == "Dintero.Connections.Connection.Table" && v.Table);
        Assert.Contains(selected, v => v.Name == "Dintero.Connections.SignupConnection.List" && v.List);
        Assert.Contains(selected, v => v.Name == "Dintero.Connections.VippsConnection.List" && v.List);
        Assert.Contains(selected, v => v.Name == "Dintero.Connections.BamboraConnection.List" && v.List);
        Assert.Contains(selected, v => v.Name == "Dintero.Connections.DinteroContext.Table" && v.Table);
        var table = Format.Descendants("View").Single(v => v.Element("Name")!.Value == "Dintero.Connections.Connection.Table");
        Assert.Equal(new[] { "account_id", "connection_type", "status", "updated_at", "last_event" }, table.Descendants("Label").Select(l => l.Value));
    }

    [Fact]
    public void Credentials_Dintero_returns_are_secrets_so_every_view_prints_the_mask_and_no_view_masks_by_script()
    {
        // Bambora's and Vipps's credentials, wherever a model holds them, and any key or token a model gets: a
        // DinteroSecret prints as *** in any view. Each name listed is still a model's (a renamed credential is not
        // left unchecked).
        var credentials = new[] { "md5_key", "secret_token", "access_token", "ocp_apim_subscription_key" };
        bool IsCredential(string name) => credentials.Contains(name) || name.EndsWith("_key", StringComparison.Ordinal) || name.EndsWith("_token", StringComparison.Ordinal);
        var models = StagedModule.Contracts.GetExportedTypes().Where(type => type.Namespace == "Dintero.Connections.Models").ToList();
        var held = models.SelectMany(type => type.GetProperties().Where(property => IsCredential(property.Name)).Select(property => (type.Name, property))).ToList();
        Assert.All(credentials, name => Assert.True(held.Any(pair => pair.property.Name == name), $"No model holds {name}."));
        Assert.All(held, pair => Assert.True(pair.property.PropertyType.Name == "DinteroSecret", $"{pair.Name}.{pair.property.Name} is a {pair.property.PropertyType.Name}, not a DinteroSecret."));
        Assert.Equal("DinteroSecret", models.Single(type => type.Name == "VippsConfiguration").GetProperty("client_id")!.PropertyType.Name);
        Assert.Contains(Format.Descendants("PropertyName"), p => p.Value == "md5_key");
        Assert.DoesNotContain(Format.Descendants("ScriptBlock"), s => s.Value.Contains("'***'"));
    }

    /// <summary>
    /// A connection's list view (Format-List, what a user reads of a pending signup) shows where the merchant signs:
    /// the link of the signature_required event (signature_link), or the kind's own signup link, a signup whose type
    /// prints as its url (Vipps).
    /// </summary>
    [Fact]
    public void Every_connection_kind_s_list_view_shows_where_the_merchant_signs()
    {
        var sets = Format.Descendants("SelectionSet").ToDictionary(s => (string)s.Element("Name")!, s => s.Descendants("TypeName").Select(t => t.Value).ToList());
        var connection = StagedModule.Contracts.GetType("Dintero.Connections.Models.Connection", throwOnError: true)!;
        var kinds = StagedModule.Contracts.GetExportedTypes().Where(type => !type.IsAbstract && connection.IsAssignableFrom(type)).ToList();

        Assert.NotEmpty(kinds);
        foreach (var kind in kinds)
        {
            var lists = Format.Descendants("View").Where(view => view.Element("ListControl") != null).Where(view =>
            {
                var selected = view.Element("ViewSelectedBy")!;
                return selected.Elements("TypeName").Select(t => t.Value).Concat(selected.Elements("SelectionSetName").SelectMany(s => sets[s.Value])).Contains(kind.FullName);
            }).ToList();
            Assert.True(lists.Count > 0, $"{kind.Name} has no list view.");
            foreach (var view in lists)
            {
                var shown = view.Descendants("PropertyName").Select(p => p.Value).ToList();
                Assert.True(shown.Contains("signature_link") || shown.Any(name => PrintsAsLink(kind.GetProperty(name)?.PropertyType)),
                    $"{view.Element("Name")!.Value} shows {kind.Name} without where the merchant signs.");
            }
        }
    }

    private static bool PrintsAsLink(Type? type) =>
        type?.GetProperty("url") != null && type.GetMethod("ToString", Type.EmptyTypes)!.DeclaringType == type;

    [Fact]
    public void Every_label_is_a_property_a_user_can_type_back_into_Select_Object()
    {
        var sets = Format.Descendants("SelectionSet").ToDictionary(s => (string)s.Element("Name")!, s => s.Descendants("TypeName").Select(t => t.Value).ToList());
        foreach (var view in Format.Descendants("View"))
        {
            var selected = view.Element("ViewSelectedBy")!;
            var types = selected.Elements("TypeName").Select(t => t.Value).Concat(selected.Elements("SelectionSetName").SelectMany(s => sets[s.Value])).ToList();
            foreach (var label in view.Descendants("Label").Select(l => l.Value))
            {
                Assert.All(types.Where(type => PropertiesOf(type) != null), type => Assert.True(PropertiesOf(type)!.Contains(label), $"{view.Element("Name")!.Value}: the label {label} is not a property of {type}."));
            }
        }
    }

    [Fact]
    public void Script_blocks_only_lay_out_nested_objects()
    {
        // Computed values are model members (connection_type, signature_link, last_event), not view code.
        var scripts = Format.Descendants("ScriptBlock").Select(s => s.Value).ToList();

        // Lists and dictionaries (payment options, events, each kind's status) are laid out one per line or item.
        Assert.True(scripts.Count <= 13, $"{scripts.Count} script blocks");
        Assert.DoesNotContain(scripts, s => s.Contains("signature_link") || s.Contains("GetConnectionType") || s.Contains(".Value."));
    }
}
