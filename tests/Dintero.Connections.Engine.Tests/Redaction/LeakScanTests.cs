using Dintero.Connections.Errors;
using Dintero.Connections.Engine.Tests.Support;
using Dintero.Emulator.Faults;

namespace Dintero.Connections.Engine.Tests.Redaction;

/// <summary>
/// Drives every path that writes logs or exceptions, at Debug, with secrets and personal numbers as input, then
/// scans everything produced. (Each <see cref="TestEnvironment"/> also scans its own transcript when it ends,
/// so the same check runs across the whole suite.)
/// </summary>
public sealed class LeakScanTests
{
    [Fact]
    public async Task No_secret_or_personal_number_appears_in_any_log_line_or_exception()
    {
        await using var env = await TestEnvironment.StartAsync();
        var client = env.Api();

        await client.CreateCommonConnectionAsync(TestData.AccountId, TestData.CommonSignup());
        await client.CreateBamboraConnectionAsync(TestData.AccountId, TestData.BamboraSignup());
        await client.GetCommonConnectionAsync(TestData.AccountId);
        await client.GetBamboraConnectionAsync(TestData.AccountId);
        env.Emulator.Tokens.RevokeAll();
        await client.GetAccountSettingsAsync(TestData.AccountId);
        await env.FailsWith<DinteroApiException>(() => env.PartnerApi().CreateCommonConnectionAsync(TestData.MerchantWithoutOrganization, TestData.CommonSignup()));
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = "*", Status = 400, Body = $"{{\"error\":{{\"message\":\"bad {TestData.Iban} and {TestData.OwnerSsn}\"}}}}" });
        await env.FailsWith<DinteroApiException>(() => client.CreateCommonConnectionAsync(TestData.AccountId, TestData.CommonSignup()));
        env.Emulator.Faults.Add(new Fault { Method = "POST", Path = "*", Drop = true, AfterProcessing = true });
        await env.FailsWith<DinteroTransportException>(() => client.CreateBamboraConnectionAsync(TestData.AccountId, TestData.BamboraSignup()));
        var invalid = TestData.CommonSignup();
        invalid.applicant!.email = "not-an-address";
        await env.FailsWith<DinteroValidationException>(() => client.CreateCommonConnectionAsync(TestData.AccountId, invalid));
        await env.FailsWith<DinteroAccessException>(() => env.Api(secret: TestData.ClientSecret + "-rotated").AuthenticateAsync(TestData.AccountId));

        var lines = env.Transcript.Lines;
        Assert.Contains(lines, line => line.Contains("\"social_security_number\":\"***\""));   // the bodies were logged, masked
        Assert.Contains(lines, line => line.Contains("Authorization: Bearer ***"));
        Assert.Contains(lines, line => line.Contains("\"md5_key\":\"***\""));
        var secrets = TestData.Secrets.Concat(env.Emulator.Tokens.Issued).Append(TestData.ClientSecret + "-rotated").ToList();
        Assert.True(env.Emulator.Tokens.Issued.Count >= 2);
        Transcript.AssertClean(lines, secrets);
        Transcript.AssertClean(Transcript.Suite, TestData.Secrets);
    }
}
