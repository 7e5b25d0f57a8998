using Dintero.Connections.Json;
using Dintero.Connections.Redaction;

namespace Dintero.Connections.Engine.Tests.Json;

/// <summary>The JSON the module sends and logs keeps '+' and letters such as 'ø' as they are, so the redactor sees a number's shape.</summary>
public sealed class EscapingTests
{
    [Fact]
    public void A_phone_number_s_plus_and_a_name_s_letters_are_written_as_they_are_and_the_number_is_masked_by_its_shape()
    {
        var body = DinteroJson.Serialize(new Dictionary<string, object?> { ["phone_number"] = "+4799999999", ["name"] = "Bjørn Ærlig", ["note"] = "<a & b>" });

        Assert.Contains("\"+4799999999\"", body);
        Assert.Contains("Bjørn Ærlig", body);
        // What must stay escaped in any JSON still is.
        Assert.Equal("<a & b>", DinteroJson.ParsePlain(body) is IDictionary<string, object?> map ? map["note"] : null);
        var logged = Redactor.Shapes.Redact(body);
        Assert.DoesNotContain("99999999", logged);
        Assert.Contains("Bjørn Ærlig", logged);
    }
}
