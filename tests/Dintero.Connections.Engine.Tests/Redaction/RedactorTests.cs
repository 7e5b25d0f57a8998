using Dintero.Connections.Redaction;

namespace Dintero.Connections.Engine.Tests.Redaction;

public sealed class RedactorTests
{
    [Theory]
    [InlineData("Authorization: Bearer abc.def-ghi_123", "Authorization: Bearer ***")]
    [InlineData("Authorization: Basic ZGVtbzpzZWNyZXQ=", "Authorization: Basic ***")]
    [InlineData("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl used", "token *** used")]
    [InlineData("{\"client_secret\":\"s\\\"x\",\"a\":1}", "{\"client_secret\":\"***\",\"a\":1}")]
    [InlineData("{\"access_token\": 123456, \"b\": 2}", "{\"access_token\": \"***\", \"b\": 2}")]
    [InlineData("{\"md5_key\":\"ae45ase\",\"secret_token\":\"zz\"}", "{\"md5_key\":\"***\",\"secret_token\":\"***\"}")]
    [InlineData("{\"social_security_number\":\"<string>\"}", "{\"social_security_number\":\"***\"}")]
    [InlineData("{\"account_number\":\"1503.60.12345\"}", "{\"account_number\":\"***\"}")]
    [InlineData("grant=x&client_secret=abc123&y=1", "grant=x&client_secret=***&y=1")]
    [InlineData("fnr 01019012345 given", "fnr *** given")]
    [InlineData("konto 1503.60.12345", "konto ***")]
    [InlineData("personnummer 19900101-1234", "personnummer ***")]
    [InlineData("CPR 010190-1234", "CPR ***")]
    [InlineData("IBAN NO93 8601 1117 947 here", "IBAN *** here")]
    [InlineData("IBAN DE89370400440532013000", "IBAN ***")]
    public void Shapes_of_secrets_and_personal_numbers_are_masked(string input, string expected)
    {
        Assert.Equal(expected, Redactor.Shapes.Redact(input));
    }

    [Theory]
    [InlineData("GET /v1/accounts/T12345678/management/settings -> 200 OK (35 ms)")]
    [InlineData("created at 2023-11-07T05:31:56Z, schema 123, mcc 4722")]
    [InlineData("signup.payment_options[0].currencies[0]: 'nok' is not an ISO 4217 currency code")]
    // Request and client ids whose groups are all digits by chance: a UUID is no personal number.
    [InlineData("X-Request-Id: 5a2cf158-9283-484c-a6e5-123456789012")]
    [InlineData("id 12345678-1234-4123-8123-123456789012 created")]
    public void Ordinary_text_is_left_alone(string input)
    {
        Assert.Equal(input, Redactor.Shapes.Redact(input));
    }

    [Fact]
    public void A_personal_number_beside_a_UUID_is_still_masked()
    {
        Assert.Equal("id 5a2cf158-9283-484c-a6e5-0123456789ab, ssn ***", Redactor.Shapes.Redact("id 5a2cf158-9283-484c-a6e5-0123456789ab, ssn 01019012345"));
    }

    [Fact]
    public void Known_secrets_are_masked_wherever_they_appear_whatever_their_shape()
    {
        var redactor = new Redactor();
        redactor.AddSecret("short-but-secret");
        redactor.AddSecret("short-but-secret-and-longer");

        Assert.Equal("a *** b *** c", redactor.Redact("a short-but-secret b short-but-secret-and-longer c"));
        Assert.Equal("x ***", redactor.Redact("x per-call-value", new[] { "per-call-value" }));
    }
}
