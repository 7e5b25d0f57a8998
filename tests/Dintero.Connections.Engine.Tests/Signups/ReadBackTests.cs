using System.Collections;
using Dintero.Connections.Errors;
using Dintero.Connections.Json;
using Dintero.Connections.Models;
using Dintero.Connections.Signups;

namespace Dintero.Connections.Engine.Tests.Signups;

/// <summary>When a connection read back proves that this signup was stored, case by case, against Dintero's clock.</summary>
public sealed class ReadBackTests
{
    private static readonly DateTimeOffset Sent = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    private static string Signup(string type) => "{\"payment_options\": [{\"currencies\": [\"NOK\"], \"type\": \"" + type + "\"}], \"store_type\": [\"online\"]";

    private static CommonConnection Found(DateTimeOffset storedAt, string type = "dintero.zero")
    {
        var at = storedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        return DinteroJson.Deserialize<CommonConnection>("{\"created_at\": \"" + at + "\", \"status\": \"pending\", \"signup\": " + Signup(type) + ", \"created_at\": \"" + at + "\"}}");
    }

    private static IDictionary Sent_(string type = "dintero.zero") => (IDictionary)DinteroJson.ParsePlain(Signup(type) + "}")!;

    [Fact]
    public void Stored_at_or_after_sending_and_equal_to_what_was_sent_is_proof()
    {
        var judgement = ReadBack.Judge(Found(Sent.AddSeconds(1)), Sent_(), Sent);

        Assert.True(judgement.Stored);
        Assert.Null(judgement.Finding);
        Assert.Equal("this signup stored at 2026-12-03 10:00:01Z (pending)", judgement.Found);
    }

    [Fact]
    public void Whole_seconds_get_one_second_of_slack_and_no_more()
    {
        // Dintero's second 09:59:59 may hold a moment after a send at 10:00:00.4 measured with an early offset.
        Assert.True(ReadBack.Judge(Found(Sent.AddSeconds(-1)), Sent_(), Sent).Stored);
        Assert.Equal(ReadBackFinding.NotStored, ReadBack.Judge(Found(Sent.AddSeconds(-2)), Sent_(), Sent).Finding);
    }

    [Fact]
    public void Stored_before_sending_is_the_connection_as_it_was_even_when_equal()
    {
        var judgement = ReadBack.Judge(Found(Sent.AddMinutes(-5)), Sent_(), Sent);

        Assert.False(judgement.Stored);
        Assert.Equal(ReadBackFinding.NotStored, judgement.Finding);
        Assert.Contains("before this one was sent", judgement.Found);
    }

    [Fact]
    public void Stored_after_sending_but_not_as_sent_cannot_be_told()
    {
        var judgement = ReadBack.Judge(Found(Sent.AddSeconds(3), type: "vipps"), Sent_(), Sent);

        Assert.Equal(ReadBackFinding.CannotTell, judgement.Finding);
        Assert.Contains("not the one sent", judgement.Found);
    }

    [Fact]
    public void No_connection_is_not_stored_and_no_time_to_compare_cannot_be_told()
    {
        Assert.Equal(ReadBackFinding.NotStored, ReadBack.Judge(null, Sent_(), Sent).Finding);
        Assert.Equal(ReadBackFinding.CannotTell, ReadBack.Judge(Found(Sent), Sent_(), null).Finding);
        Assert.Equal(ReadBackFinding.CannotTell, ReadBack.Judge(new CommonConnection { status = "pending" }, Sent_(), Sent).Finding);
    }

    [Fact]
    public void A_start_without_a_body_is_judged_by_the_time_alone()
    {
        Assert.True(ReadBack.Judge(Found(Sent.AddSeconds(2)), null, Sent).Stored);
        Assert.Equal(ReadBackFinding.NotStored, ReadBack.Judge(Found(Sent.AddHours(-1)), null, Sent).Finding);
    }

    [Theory]
    [InlineData("""{"a": 1, "b": {"c": "x"}}""", """{"a": 1}""", true)]
    [InlineData("""{"a": 1.0, "created_at": "t"}""", """{"a": 1}""", true)]
    [InlineData("""{"a": [1, 2]}""", """{"a": [1, 2]}""", true)]
    [InlineData("""{"a": [1, 2]}""", """{"a": [2, 1]}""", false)]
    [InlineData("""{"a": [1, 2, 3]}""", """{"a": [1, 2]}""", false)]
    [InlineData("""{"a": "NOK"}""", """{"a": "nok"}""", false)]
    [InlineData("""{"a": true}""", """{"a": false}""", false)]
    [InlineData("""{"b": 1}""", """{"a": 1}""", false)]
    public void Stored_holds_sent_when_every_field_sent_is_there_with_the_same_value(string stored, string sent, bool holds)
    {
        Assert.Equal(holds, ReadBack.Holds(DinteroJson.ParsePlain(stored), DinteroJson.ParsePlain(sent)));
    }
}
