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

    // An approval's bank account number in a shape no rule of the Nordic shapes knows (a Danish reg-account, a short BBAN,
    // a lower-case IBAN): masked by its field's name, which ends with account_number, in the logs and in -Raw alike.
    [Theory]
    [InlineData("{\"bank_account_number\":\"5020-1234567\",\"bank_account_number_type\":\"BBAN\"}", "{\"bank_account_number\":\"***\",\"bank_account_number_type\":\"BBAN\"}")]
    [InlineData("{\"bank_account_number\": \"123456789\"}", "{\"bank_account_number\": \"***\"}")]
    [InlineData("{\"BANK_ACCOUNT_NUMBER\":\"se45 5000 0000 0583 9825 7466\"}", "{\"BANK_ACCOUNT_NUMBER\":\"***\"}")]
    [InlineData("{\"account_number_type\":\"iban\"}", "{\"account_number_type\":\"iban\"}")]
    public void A_field_whose_name_ends_with_account_number_is_masked_by_its_name(string input, string expected)
    {
        Assert.Equal(expected, Redactor.Shapes.Redact(input));
        Assert.Equal(expected, Redactor.MaskFields(input));
    }

    [Theory]
    [InlineData("bank_account_number", true)]
    [InlineData("account_number", true)]
    [InlineData("client_secret", true)]
    [InlineData("bank_account_number_type", false)]
    [InlineData("bank_name", false)]
    public void Which_fields_are_sensitive_by_name(string name, bool sensitive)
    {
        Assert.Equal(sensitive, Redactor.IsSensitiveField(name));
    }
}
