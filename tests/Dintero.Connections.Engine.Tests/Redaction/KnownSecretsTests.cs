using Dintero.Connections.Redaction;

namespace Dintero.Connections.Engine.Tests.Redaction;

/// <summary>The values a session masks by value, found in one pass whose cost does not grow with how many there are.</summary>
public sealed class KnownSecretsTests
{
    // As a JWT: the same first characters in every one, its own last ones.
    private static string Token(int i) => "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + new string((char)('a' + i % 26), 40) + $".sig-{i:D8}-{i * 7919 % 100_003:D6}";

    [Fact]
    public void Masking_a_line_costs_the_same_with_ten_values_held_as_with_a_hundred_thousand()
    {
        const string line = "GET /v1/accounts/T11200001/management/settings -> 200 OK (35 ms); request id 5a2cf158-9283-484c-a6e5-123456789012";
        var few = new KnownSecrets();
        var many = new KnownSecrets();
        for (var i = 0; i < 10; i++) few.Add(Token(i));
        for (var i = 0; i < 100_000; i++) many.Add(Token(i));

        var fewBefore = few.Probes;
        few.Mask(line, "***");
        var manyBefore = many.Probes;
        many.Mask(line, "***");

        Assert.Equal(100_000, many.Count);
        // Work counted, not timed: a window looked up per position of the line, whatever is held.
        Assert.Equal(few.Probes - fewBefore, many.Probes - manyBefore);
        Assert.Equal(line.Length - KnownSecrets.Window + 1, many.Probes - manyBefore);
    }

    [Fact]
    public void Every_value_held_is_masked_wherever_it_is_and_a_value_let_go_is_not()
    {
        var secrets = new KnownSecrets();
        for (var i = 0; i < 1000; i++) secrets.Add(Token(i));
        secrets.Add("short-pw");

        var text = $"a {Token(7)} b\"{Token(999)}\"c short-pw {Token(7)}{Token(8)}";
        // Two values side by side are two masks.
        Assert.Equal("a *** b\"***\"c *** ******", secrets.Mask(text, "***"));

        secrets.Remove(Token(7));
        Assert.Equal($"{Token(7)} ***", secrets.Mask($"{Token(7)} {Token(8)}", "***"));
        Assert.Equal(1000, secrets.Count);
    }

    [Fact]
    public void A_value_that_holds_another_is_masked_whole_and_overlaps_merge()
    {
        var secrets = new KnownSecrets();
        var inner = "0123456789abcdef0123";
        var outer = inner + "-and-more-of-the-token";
        secrets.Add(inner);
        secrets.Add(outer);

        Assert.Equal("[***]", secrets.Mask($"[{outer}]", "***"));
        Assert.Equal("x *** y", secrets.Mask($"x {inner} y", "***"));
    }

    [Fact]
    public void The_redactor_masks_tokens_it_was_given_and_forgets_them_when_told()
    {
        var redactor = new Redactor();
        var token = "opaque." + new string('q', 30);
        redactor.AddSecret(token);

        Assert.Equal("token *** used", redactor.Redact($"token {token} used"));
        redactor.RemoveSecret(token);
        Assert.Equal(0, redactor.SecretCount);
    }
}
