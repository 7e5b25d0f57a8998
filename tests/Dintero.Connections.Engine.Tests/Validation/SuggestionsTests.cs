using Dintero.Connections.Validation;

namespace Dintero.Connections.Engine.Tests.Validation;

/// <summary>"Did you mean": the known word nearest to a mistyped one, and nothing for a word that is not near any.</summary>
public sealed class SuggestionsTests
{
    private static readonly string[] Fields = { "email", "name", "title", "store_type", "organization_number" };

    [Theory]
    [InlineData("emial", "email")]      // two letters swapped: one edit
    [InlineData("titel", "title")]
    [InlineData("stor_type", "store_type")]
    [InlineData("organisation_number", "organization_number")]
    public void A_mistyped_word_finds_the_known_one(string typed, string meant) => Assert.Equal(meant, Suggestions.Closest(typed, Fields));

    [Theory]
    [InlineData("xyz")]
    [InlineData("mail_address")]
    [InlineData("mlaie")]
    public void A_word_near_none_finds_nothing(string typed) => Assert.Null(Suggestions.Closest(typed, Fields));
}
