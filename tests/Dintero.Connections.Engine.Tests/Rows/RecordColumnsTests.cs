using System.Collections.Specialized;
using Dintero.Connections.Models;
using Dintero.Connections.Rows;

namespace Dintero.Connections.Engine.Tests.Rows;

/// <summary>A record as flat columns, its personal numbers held masked: what a report row and an error's target carry.</summary>
public sealed class RecordColumnsTests
{
    [Fact]
    public void Personal_numbers_are_held_as_secrets_wherever_they_are_nested_and_the_rest_as_given()
    {
        var row = new OrderedDictionary
        {
            ["account_id"] = "T11200001",
            ["applicant"] = new OrderedDictionary { ["social_security_number"] = "01019012345", ["first_name"] = "Kari" },
            ["bank_accounts"] = new List<object?> { new OrderedDictionary { ["account_number"] = "1234 56 78903", ["bank_name"] = "DNB" } },
            ["ownership.owners[0].social_security_number"] = "24128899876",
        };

        var columns = RecordColumns.Of(row).ToDictionary(pair => pair.Key, pair => pair.Value);

        Assert.Equal("T11200001", columns["account_id"]);
        Assert.Equal("Kari", columns["applicant.first_name"]);
        Assert.Equal("01019012345", Assert.IsType<DinteroSecret>(columns["applicant.social_security_number"]).GetPlainText());
        Assert.Equal("1234 56 78903", Assert.IsType<DinteroSecret>(columns["bank_accounts[0].account_number"]).GetPlainText());
        Assert.Equal("***", columns["ownership.owners[0].social_security_number"]!.ToString());
        Assert.Equal("DNB", columns["bank_accounts[0].bank_name"]);
    }

    [Fact]
    public void A_personal_number_typed_into_another_column_is_held_as_a_secret_by_its_shape()
    {
        var row = new OrderedDictionary
        {
            ["country_code"] = "86011117947",
            ["bank_accounts[0].bank_name"] = "1234 56 78903",
            ["organization_number"] = "912345678",
            ["created"] = "2026-12-07",
        };

        var columns = RecordColumns.Of(row).ToDictionary(pair => pair.Key, pair => pair.Value);

        Assert.Equal("86011117947", Assert.IsType<DinteroSecret>(columns["country_code"]).GetPlainText());
        Assert.Equal("1234 56 78903", Assert.IsType<DinteroSecret>(columns["bank_accounts[0].bank_name"]).GetPlainText());
        Assert.Equal("912345678", columns["organization_number"]);
        Assert.Equal("2026-12-07", columns["created"]);
    }

    [Theory]
    [InlineData("social_security_number", true)]
    [InlineData("applicant.social_security_number", true)]
    [InlineData("bank_accounts[0].account_number", true)]
    [InlineData("bank_accounts[0].account_number_type", false)]
    [InlineData("organization_number", false)]
    public void A_column_is_personal_by_its_last_name(string column, bool personal) => Assert.Equal(personal, RecordColumns.IsPersonal(column));
}
