using Newtonsoft.Json.Linq;
using NJsonSchema;
using YamlDotNet.Serialization;

namespace Dintero.Connections.Engine.Tests.Support;

/// <summary>
/// The repository's OpenAPI documents of Dintero's API (docs/openapi, copied beside the tests by the build), read as
/// one for their operations' JSON schemas, so bodies can be checked against what Dintero publishes. The first,
/// dintero-management.yaml, holds the schemas the others name. OpenAPI's <c>#/components/schemas/X</c> references are
/// read as JSON Schema definitions.
/// </summary>
public sealed class OpenApiDocument
{
    private static readonly Lazy<OpenApiDocument> Shared = new(() => new OpenApiDocument(Documents().ToArray()));
    private readonly JObject document;
    private readonly Dictionary<string, JsonSchema> schemas = new();

    private OpenApiDocument(params string[] paths)
    {
        document = Read(paths[0]);
        foreach (var extension in paths.Skip(1).Select(Read))
        {
            // Paths and components of the later documents join the first one's; a name defined twice is a mistake.
            foreach (var section in new[] { "paths" })
            {
                foreach (var property in ((JObject)extension[section]!).Properties()) ((JObject)document[section]!).Add(property.Name, property.Value);
            }
            foreach (var kind in ((JObject)extension["components"]!).Properties())
            {
                var into = (JObject?)document["components"]![kind.Name] ?? (JObject)(document["components"]![kind.Name] = new JObject());
                foreach (var property in ((JObject)kind.Value).Properties()) into.Add(property.Name, property.Value);
            }
        }
    }

    /// <summary>The documents the build copied, the management document first (it defines the shared schemas).</summary>
    private static IEnumerable<string> Documents()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "OpenApi");
        var first = Path.Combine(folder, "dintero-management.yaml");
        return new[] { first }.Concat(Directory.GetFiles(folder, "*.yaml").Where(path => path != first).OrderBy(path => path, StringComparer.Ordinal));
    }

    private static JObject Read(string path)
    {
        var yaml = new DeserializerBuilder().Build().Deserialize<object>(new StringReader(File.ReadAllText(path)));
        var json = new SerializerBuilder().JsonCompatible().Build().Serialize(yaml!);
        return JObject.Parse(json.Replace("#/components/schemas/", "#/definitions/"));
    }

    public static OpenApiDocument Dintero => Shared.Value;

    /// <summary>The request body schema of an operation, e.g. ("post", "/accounts/{aid}/management/settings/connections/common").</summary>
    public JsonSchema Request(string method, string pathTemplate) =>
        SchemaAt(document["paths"]![pathTemplate]![method]!["requestBody"]!["content"]!["application/json"]!["schema"]!);

    /// <summary>The 200 answer's schema of an operation.</summary>
    public JsonSchema Answer(string method, string pathTemplate) => Answer(method, pathTemplate, "200");

    /// <summary>
    /// The schema of an operation's answer of the status, e.g. "400": given in place, or as a reference to the document's
    /// <c>components/responses</c> (as the approvals' errors are).
    /// </summary>
    public JsonSchema Answer(string method, string pathTemplate, string status)
    {
        var response = document["paths"]![pathTemplate]![method]!["responses"]![status]!;
        if (response["$ref"] is { } reference) response = document["components"]!["responses"]![reference.ToString().Split('/').Last()]!;
        return SchemaAt(response["content"]!["application/json"]!["schema"]!);
    }

    /// <summary>A schema of the documents' components by its name, e.g. a webhook payload (OpenAPI 3.0 has no webhooks section).</summary>
    public JsonSchema Component(string name) => SchemaAt(new JObject { ["$ref"] = "#/definitions/" + name });

    /// <summary>Whether the operation documents an answer of the status, e.g. "204".</summary>
    public bool Documents(string method, string pathTemplate, string status) =>
        document["paths"]![pathTemplate]![method]!["responses"]![status] != null;

    /// <summary>The operation a request path (as sent, e.g. /v1/accounts/T00000001/...) belongs to: its path template.</summary>
    public string? TemplateOf(string method, string requestPath)
    {
        // Without the servers' base: /v1 (api.dintero.com/v1), or the emulator's /checkout/v1 (checkout.dintero.com/v1).
        var all = requestPath.Split('?')[0].TrimStart('/').Split('/');
        var segments = all.Skip(Array.IndexOf(all, "v1") + 1).ToArray();
        foreach (var template in ((JObject)document["paths"]!).Properties().Select(p => p.Name))
        {
            var parts = template.TrimStart('/').Split('/');
            if (parts.Length != segments.Length || document["paths"]![template]![method.ToLowerInvariant()] == null) continue;
            if (parts.Zip(segments, (part, segment) => part.StartsWith("{", StringComparison.Ordinal) || part == segment).All(matches => matches)) return template;
        }
        return null;
    }

    /// <summary>What is wrong with <paramref name="json"/> under <paramref name="schema"/>, one line per violation.</summary>
    public static IReadOnlyList<string> Violations(JsonSchema schema, string json) =>
        schema.Validate(json).Select(error => error.ToString()).ToList();

    private JsonSchema SchemaAt(JToken node)
    {
        var key = node.ToString(Newtonsoft.Json.Formatting.None);
        lock (schemas)
        {
            if (schemas.TryGetValue(key, out var known)) return known;
            // A root that is only a $ref would have its siblings ignored: the operation's schema goes under allOf.
            var root = new JObject { ["allOf"] = new JArray(node.DeepClone()), ["definitions"] = document["components"]!["schemas"]!.DeepClone() };
            return schemas[key] = JsonSchema.FromJsonAsync(root.ToString()).GetAwaiter().GetResult();
        }
    }
}
