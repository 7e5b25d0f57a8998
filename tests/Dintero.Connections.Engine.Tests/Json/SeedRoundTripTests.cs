using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;
using Dintero.Connections.Json;
using Dintero.Connections.Models;
using Dintero.Connections.Engine.Tests.Support;

namespace Dintero.Connections.Engine.Tests.Json;

/// <summary>Every JSON body of the two reference pages reads into the models and writes back equal.</summary>
public sealed class SeedRoundTripTests
{
    public static TheoryData<string, int> Bodies()
    {
        var data = new TheoryData<string, int>();
        foreach (var page in new[] { Seeds.CommonPage, Seeds.BamboraPage })
        {
            for (var i = 0; i < Seeds.JsonBodies(page).Count; i++) data.Add(page, i);
        }
        return data;
    }

    [Fact]
    public void The_pages_hold_a_request_and_an_answer_each()
    {
        Assert.NotEmpty(Seeds.Requests(Seeds.CommonPage));
        Assert.NotEmpty(Seeds.Responses(Seeds.CommonPage));
        Assert.Single(Seeds.Requests(Seeds.BamboraPage));
        Assert.Single(Seeds.Responses(Seeds.BamboraPage));
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Seed_body_survives_a_round_trip_unchanged(string page, int index)
    {
        var original = Seeds.JsonBodies(page)[index];
        var model = Read(page, original);

        var written = DinteroJson.Serialize(model);

        var expected = JsonNode.Parse(original);
        var actual = JsonNode.Parse(written);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"Round trip of {page}#{index} changed it:\n{written}");
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Every_seed_field_has_a_typed_property(string page, int index)
    {
        var model = Read(page, Seeds.JsonBodies(page)[index]);

        var untyped = UntypedFields(model, "$").ToList();

        Assert.True(untyped.Count == 0, "Fields kept only as additional properties: " + string.Join(", ", untyped));
    }

    [Fact]
    public void Unknown_fields_at_any_depth_are_kept_and_written_back()
    {
        var json = Seeds.Responses(Seeds.BamboraPage).First();
        var node = JsonNode.Parse(json)!.AsObject();
        node["future_field"] = new JsonObject { ["nested"] = new JsonArray(1, "two", true, null) };
        node["configuration"]!["rotation"] = 3.25m;
        node["events"]![0]!["actor"] = "system";

        var model = DinteroJson.Deserialize<BamboraConnection>(node.ToJsonString());
        var written = JsonNode.Parse(DinteroJson.Serialize(model));

        Assert.True(JsonNode.DeepEquals(node, written));
        var future = Assert.IsType<Dictionary<string, object?>>(model.GetAdditionalProperties()["future_field"]);
        Assert.Equal(new object?[] { 1L, "two", true, null }, Assert.IsType<List<object?>>(future["nested"]));
        Assert.Equal(3.25m, model.configuration!.GetAdditionalProperties()["rotation"]);
        Assert.Equal("system", model.events![0].GetAdditionalProperties()["actor"]);
    }

    [Fact]
    public void The_account_id_is_neither_read_from_nor_written_to_Dintero_s_JSON()
    {
        var connection = DinteroJson.Deserialize<CommonConnection>("{\"account_id\":\"T99999999\",\"status\":\"pending\"}");
        Assert.Null(connection.account_id);
        Assert.Equal("T99999999", connection.GetAdditionalProperties()["account_id"]);

        var written = JsonNode.Parse(DinteroJson.Serialize(new CommonConnection { account_id = "T12345678", status = "enabled" }))!.AsObject();
        Assert.Equal(new[] { "status" }, written.Select(p => p.Key));
    }

    [Fact]
    public void Nulls_are_left_out_when_writing()
    {
        var signup = new CommonConnectionSignup { store_type = new() { "online" } };

        var written = JsonNode.Parse(DinteroJson.Serialize(signup))!.AsObject();

        Assert.Equal(new[] { "store_type" }, written.Select(p => p.Key));
    }

    [Fact]
    public void Answers_read_into_typed_values()
    {
        var connection = DinteroJson.Deserialize<CommonConnection>(Seeds.Responses(Seeds.CommonPage).First());

        Assert.Equal("pending", connection.status);
        Assert.Equal(new DateTimeOffset(2023, 11, 7, 5, 31, 56, TimeSpan.Zero), connection.created_at);
        Assert.Equal("signature_required", connection.events![0].@event);
        Assert.Equal("https://sig.example.com/K34K244", connection.events[0].metadata!["signature_link"]);
        Assert.Equal(50m, connection.signup!.revenue!.estimated_percentage_per_payment_type![0].percentage);
        Assert.Equal("Sommerkroveien 34", connection.signup.ownership!.owners![0].address!.address_line);
        Assert.Equal("Common", connection.connection_type);
    }

    [Fact]
    public void A_body_of_the_wrong_shape_is_a_format_error_that_names_the_field()
    {
        var error = Assert.Throws<FormatException>(() => DinteroJson.Deserialize<CommonConnection>("{\"status\": {\"nested\": 1}}"));

        Assert.Contains("$.status", error.Message);
    }

    private static DinteroModel Read(string page, string json)
    {
        var isRequest = JsonNode.Parse(json)!.AsObject().Count == 1;
        return (page, isRequest) switch
        {
            (Seeds.CommonPage, true) => DinteroJson.Deserialize<SignupRequest<CommonConnectionSignup>>(json),
            (Seeds.CommonPage, false) => DinteroJson.Deserialize<CommonConnection>(json),
            (_, true) => DinteroJson.Deserialize<SignupRequest<BamboraConnectionSignup>>(json),
            _ => DinteroJson.Deserialize<BamboraConnection>(json),
        };
    }

    private static IEnumerable<string> UntypedFields(object? value, string path)
    {
        switch (value)
        {
            case DinteroModel model:
                foreach (var name in model.GetAdditionalProperties().Keys) yield return $"{path}.{name}";
                foreach (var property in model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    foreach (var field in UntypedFields(property.GetValue(model), $"{path}.{property.Name}")) yield return field;
                }
                break;
            case IList list:
                for (var i = 0; i < list.Count; i++)
                {
                    foreach (var field in UntypedFields(list[i], $"{path}[{i}]")) yield return field;
                }
                break;
        }
    }
}
