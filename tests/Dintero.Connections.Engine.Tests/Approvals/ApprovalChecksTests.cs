using Dintero.Connections.Approvals;
using Dintero.Connections.Errors;
using Dintero.Connections.Models;

namespace Dintero.Connections.Engine.Tests.Approvals;

/// <summary>Applications checked before anything is sent: every problem at once, under its field path, with what is accepted.</summary>
public sealed class ApprovalChecksTests
{
    internal static PaymentApprovalSignup Payments() => new()
    {
        products = new() { new ApprovalProduct { product = "checkout" } },
        payment_methods = new() { new ApprovalPaymentMethod { payment_method = "creditcard" } },
        country_code = "NO",
        organization_number = "912345678",
        bank_accounts = new() { new ApprovalBankAccount { bank_account_currency = "NOK", payout_currency = "NOK", bank_account_number = new DinteroSecret("86011117947"), bank_account_number_type = "BBAN" } },
    };

    internal static PayoutDestinationSignup Seller(string id = "seller-0042") => new()
    {
        payout_destination_id = id,
        payout_reference = "Kaffeplassen",
        payout_destination_description = "AUTO_APPROVE",
        country_code = "NO",
        organization_number = "912345678",
        bank_accounts = new() { new ApprovalBankAccount { bank_account_currency = "NOK", payout_currency = "NOK", bank_account_number = new DinteroSecret("86011117947") } },
    };

    [Fact]
    public void A_complete_application_passes_and_its_bank_account_numbers_are_kept_to_mask()
    {
        var approval = ApprovalChecks.Check(Payments());
        var seller = ApprovalChecks.Check(Seller());

        Assert.Equal(new[] { "86011117947" }, approval.SensitiveValues);
        Assert.Equal(new[] { "86011117947" }, seller.SensitiveValues);
    }

    [Fact]
    public void A_payment_approval_missing_its_parts_names_each_path()
    {
        var approval = Payments();
        approval.products = null;
        approval.country_code = "Norway";
        approval.bank_accounts![0].payout_currency = "kr";
        approval.bank_accounts[0].bank_account_number_type = "iban";

        var failure = Assert.Throws<DinteroValidationException>(() => ApprovalChecks.Check(approval));

        Assert.Equal(new[] { "approval.products", "approval.country_code", "approval.bank_accounts[0].payout_currency", "approval.bank_accounts[0].bank_account_number_type" }, failure.Problems.Select(problem => problem.Path));
        Assert.Contains("Did you mean 'IBAN'", failure.Message);
    }

    [Fact]
    public void A_seller_needs_its_ids_within_Dintero_s_lengths_one_bank_account_and_for_a_company_its_country_and_number()
    {
        var seller = Seller(new string('x', 41));
        seller.payout_reference = null;
        seller.organization_number = null;
        seller.bank_accounts!.Add(new ApprovalBankAccount { bank_account_currency = "NOK", payout_currency = "NOK" });

        var failure = Assert.Throws<DinteroValidationException>(() => ApprovalChecks.Check(seller));

        Assert.Equal(new[] { "seller.payout_destination_id", "seller.payout_reference", "seller.organization_number", "seller.bank_accounts" }, failure.Problems.Select(problem => problem.Path));
        Assert.Contains("at most 40", failure.Message);
        Assert.Contains("exactly one", failure.Message);
    }

    [Fact]
    public void A_person_as_seller_needs_their_details_not_an_organization_number()
    {
        var person = Seller();
        person.type = "individual";
        person.organization_number = null;
        person.country_code = null;

        var missing = Assert.Throws<DinteroValidationException>(() => ApprovalChecks.Check(person));
        person.individual = new SellerIndividual { name = "Kari Nordmann", birth_date = "1990-09-20", email = "kari@example.com" };

        Assert.Equal("seller.individual", Assert.Single(missing.Problems).Path);
        Assert.Equal("seller-0042", ApprovalChecks.Check(person).Approval.payout_destination_id);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("ACTIVE", true)]
    [InlineData("WAITING_FOR_SIGNATURE", true)]
    [InlineData("DECLINED", false)]
    [InlineData("ARCHIVED", false)]
    public void A_case_that_has_not_ended_blocks_a_new_application(string? status, bool blocks)
    {
        Assert.Equal(blocks, status != null && CaseStatuses.Blocks(status));
        Assert.Equal(status is "ACTIVE" or "DECLINED" or "ARCHIVED", CaseStatuses.IsFinal(status));
    }

    [Fact]
    public void A_case_status_filter_is_spelled_as_Dintero_spells_it_or_refused_with_a_did_you_mean()
    {
        Assert.Equal(new[] { "ACTIVE", "WAITING_FOR_SIGNATURE" }, CaseStatuses.Checked(new[] { "active", "Waiting_For_Signature", "ACTIVE" }));
        Assert.Null(CaseStatuses.Checked(Array.Empty<string>()));
        var refused = Assert.Throws<DinteroValidationException>(() => CaseStatuses.Checked(new[] { "DECLIEND" }));
        Assert.Contains("Did you mean 'DECLINED'", refused.Message);
    }
}
