using System.Net.Http;
using System.Text.Json.Nodes;
using Dintero.Connections.Engine.Tests.Support;
using Dintero.Connections.Json;
using Dintero.Connections.Models;
using static Dintero.Connections.Engine.Tests.Approvals.ApprovalCalls;

namespace Dintero.Connections.Engine.Tests.Approvals;

/// <summary>
/// The contracts' approval models (Models/Approvals) and the emulator agree: a signup the module would write, as the
/// engine's JSON writes it, is what the yaml and the emulator take, and the emulator's answers read back into the models.
/// </summary>
public sealed class ApprovalModelEmulatorTests
{
    [Fact]
    public async Task The_signup_models_are_taken_as_written_and_the_answers_read_into_the_case_models()
    {
        await using var env = await TestEnvironment.StartAsync();
        var calls = new ApprovalCalls(env.Emulator);
        var token = await calls.AdminAsync();
        var bank = new ApprovalBankAccount { bank_account_currency = "NOK", payout_currency = "NOK", bank_account_number = new DinteroSecret(TestBankAccount), bank_account_number_type = "BBAN", bank_identification_code = "DNBANOKKXXX" };
        var payment = new PaymentApprovalSignup
        {
            products = new() { new ApprovalProduct { product = "checkout" } },
            payment_methods = new() { new ApprovalPaymentMethod { payment_method = "ipp" } },
            country_code = "NO",
            organization_number = "912345678",
            bank_accounts = new() { bank },
            form_submitter = new FormSubmitter { email = "kari@fjordkaffe.example", name = "Kari Nordmann", title = "CEO" },
        };
        var seller = new PayoutDestinationSignup
        {
            payout_destination_id = "seller-0042",
            payout_reference = "Kaffeplassen",
            payout_destination_description = "AUTO_APPROVE",
            type = "individual",
            individual = new SellerIndividual { name = "Kari Nordmann", birth_date = "1988-12-24", address_country = "NO" },
            bank_accounts = new() { bank },
            payout_interval_type = "weekly",
            report_configuration = new PayoutReportConfiguration { create_report_configuration = true, schedule = "monthly", content_types = new() { "text/csv" } },
        };

        var paymentAnswer = await calls.SendAsync(HttpMethod.Post, TestData.AccountId, Payments, token, JsonNode.Parse(DinteroJson.Serialize(payment)));
        var sellerAnswer = await calls.SendAsync(HttpMethod.Post, TestData.AccountId, Sellers, token, JsonNode.Parse(DinteroJson.Serialize(seller)));
        var opened = DinteroJson.Deserialize<PaymentApproval>(paymentAnswer.Text);
        var destination = DinteroJson.Deserialize<PayoutDestination>(sellerAnswer.Text);

        Assert.Equal((200, 200), (paymentAnswer.Status, sellerAnswer.Status));
        Assert.Equal(("WAITING_FOR_DECLARATION", 5814, "ipp"), (opened.case_status, opened.mcc, opened.methods));
        Assert.Equal((string)paymentAnswer.Json["links"]![0]!["href"]!, opened.contract_url);
        Assert.Equal("DNBANOKKXXX", opened.bank_accounts!.Single().bank_identification_code);
        // The bank account number comes back as it was stored, held as a secret: it prints as ***, never as the number.
        var number = opened.bank_accounts!.Single().bank_account_number!;
        Assert.Equal((TestBankAccount, "***"), (number.GetPlainText(), number.ToString()));
        Assert.DoesNotContain(TestBankAccount, System.Text.Json.JsonSerializer.Serialize(opened.bank_accounts));
        Assert.NotNull(opened.created_at);
        Assert.Equal(("seller-0042", "AUTOMATIC_REVIEW", "1988-12-24"), (destination.payout_destination_id, destination.case_status, destination.individual!.birth_date));
        Assert.True(destination.report_configuration!.create_report_configuration);
        Assert.StartsWith(env.Emulator.RootUri.AbsoluteUri, destination.contract_url);
    }
}
