using Dintero.Connections.Errors;
using Dintero.Connections.Engine.Tests.Support;
using Dintero.Emulator.Faults;

namespace Dintero.Connections.Engine.Tests.Http;

/// <summary>Dintero's error answers become <see cref="DinteroApiException"/> with its code, message and field errors.</summary>
public sealed class ApiErrorTests
{
    [Fact]
    public async Task A_400_carries_Dintero_s_code_message_and_field_errors()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.PartnerApi();

        var error = await env.FailsWith<DinteroApiException>(() => client.CreateCommonConnectionAsync(TestData.MerchantWithoutOrganization, TestData.CommonSignup()));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("ORGANIZATION_NUMBER_REQUIRED", error.Code);
        Assert.Equal("Dintero.Api.400.ORGANIZATION_NUMBER_REQUIRED", error.ErrorId);
        Assert.Contains("organization_number", error.DinteroMessage);
        var field = Assert.Single(error.FieldErrors);
        Assert.Equal("company.organization_number", field.Path);
        Assert.Equal("is required", field.Message);
        Assert.Equal("POST", error.Method);
        Assert.Equal($"/v1/accounts/{TestData.MerchantWithoutOrganization}/management/settings/connections/common", error.RequestPath);
        Assert.Contains("company.organization_number: is required", error.Message);
    }

    [Fact]
    public async Task Field_errors_the_client_lets_through_come_back_from_Dintero()
    {
        await using var env = await TestEnvironment.StartAsync();
        var signup = TestData.CommonSignup();
        // Four digits is all the client checks (Dintero's current list is not published); the emulator knows D21's list.
        signup.company_information!.company_category = "5812";

        var error = await env.FailsWith<DinteroApiException>(() => env.Api().CreateCommonConnectionAsync(TestData.AccountId, signup));

        Assert.Equal("VALIDATION_ERROR", error.Code);
        var field = Assert.Single(error.AllFieldErrors());
        Assert.Equal("signup.company_information.company_category", field.Path);
        Assert.Equal("enum", field.Code);
        Assert.Contains("4722", field.Message);
    }

    [Fact]
    public async Task Nested_field_errors_and_ajv_style_paths_are_read()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.Faults.Add(new Fault
        {
            Method = "GET",
            Path = "/v1/accounts/*/management/settings",
            Status = 400,
            Body = """{"error":{"code":"BAD","message":"Invalid","errors":[{"dataPath":".signup.owners/0/name","message":"outer","keyword":"required","errors":[{"instancePath":"/signup/owners/0/name/first","message":"inner"}]}]}}""",
        });

        var error = await env.FailsWith<DinteroApiException>(() => env.Api().GetAccountSettingsAsync(TestData.AccountId));

        var outer = Assert.Single(error.FieldErrors);
        Assert.Equal("signup.owners[0].name", outer.Path);
        Assert.Equal("required", outer.Code);
        Assert.Equal("signup.owners[0].name.first", Assert.Single(outer.Errors).Path);
        Assert.Equal(2, error.AllFieldErrors().Count());
    }

    [Fact]
    public async Task Personal_values_Dintero_echoes_are_masked_in_the_error()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.Faults.Add(new Fault
        {
            Method = "POST",
            Path = "/v1/accounts/*/management/settings/connections/common",
            Status = 400,
            Body = $$$"""{"error":{"code":"INVALID","message":"Applicant {{{TestData.ApplicantSsn}}} failed the check","errors":[{"path":"signup.bank_accounts[0].account_number","message":"{{{TestData.BankAccountNumber}}} is closed"}]}}""",
        });

        var error = await env.FailsWith<DinteroApiException>(() => env.Api().CreateCommonConnectionAsync(TestData.AccountId, TestData.CommonSignup()));

        Assert.Equal("Applicant *** failed the check", error.DinteroMessage);
        Assert.Equal("*** is closed", Assert.Single(error.FieldErrors).Message);
    }

    [Fact]
    public async Task A_missing_connection_is_a_404()
    {
        await using var env = await TestEnvironment.StartAsync();

        var error = await env.FailsWith<DinteroApiException>(() => env.Api().GetBamboraConnectionAsync(TestData.AccountId));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("NOT_FOUND", error.Code);
    }

    [Fact]
    public async Task Dintero_s_account_validation_of_the_company_comes_back_as_field_errors()
    {
        await using var env = await TestEnvironment.StartAsync();
        env.Emulator.Faults.Add(new Fault
        {
            Method = "PUT",
            Path = "/v1/accounts/*/management/settings",
            Status = 403,
            Body = """{"error":{"message":"Missing scope admin:accounts"}}""",
        });

        var error = await env.FailsWith<DinteroApiException>(() => env.Api().UpdateAccountSettingsAsync(TestData.AccountId, new Dintero.Connections.Models.AccountCompany { business_name = "X", address = new() { address_line = "Storgata 1", postal_place = "Oslo", country = "NO" } }));

        Assert.Equal(403, error.StatusCode);
        Assert.Null(error.Code);
        Assert.Equal("Dintero.Api.403", error.ErrorId);
        Assert.Contains("write:accounts", error.Advice);
    }
}
