using Dintero.Connections.Models;

namespace Dintero.Connections.Tests.Support;

/// <summary>
/// Inputs used across the suite. The secret and personal values here are what the leak scan looks for in every
/// log line and exception message the suite produces.
/// </summary>
public static class TestData
{
    public const string AccountId = "T00000001";          // has an organization number in the emulator
    public const string AccountWithoutOrganization = "T00000002";
    public const string ClientId = "suite-client";
    public const string ClientSecret = "Sup3r-Secret-Client-Value-7781";
    public const string ApplicantSsn = "01019012345";
    public const string OwnerSsn = "24128899876";
    public const string BankAccountNumber = "12345678903";
    public const string Iban = "NO9386011117947";
    public const string BamboraAccountNumber = "15036012345";

    public static readonly string[] Secrets = { ClientSecret, ApplicantSsn, OwnerSsn, BankAccountNumber, Iban, BamboraAccountNumber };

    public static CommonConnectionSignup CommonSignup() => new()
    {
        payment_options = new() { new PaymentOption { type = "dintero.zero", currencies = new() { "NOK" } } },
        store_type = new() { "online" },
        package = "Checkout 195 NOK/month + 1.5%",
        revenue = new Revenue
        {
            currency = "NOK",
            yearly_revenue = "100.000-250.000 NOK",
            accept_prepaid = true,
            estimated_percentage_per_payment_type = new() { new PaymentTypeShare { percentage = 50, type = "swish.swish" } },
        },
        bank_accounts = new() { new BankAccount { account_number = BankAccountNumber, account_number_type = "mod11", bank_name = "DNB" } },
        ownership = new Ownership
        {
            ownership_structure = "owners_with_more_than_25",
            owners = new() { new Owner { name = "Kari Nordmann", date_of_birth = "1988-12-24", social_security_number = OwnerSsn, percentage = 60 } },
        },
        applicant = new Applicant
        {
            first_name = "Ola",
            last_name = "Nordmann",
            email = "ola@example.com",
            phone_number = "+4799999999",
            social_security_number = ApplicantSsn,
        },
        company_information = new CompanyInformation { industry = "goods", company_category = "4722" },
    };

    public static BamboraConnectionSignup BamboraSignup() => new()
    {
        payment_options = new() { new PaymentOption { type = "bambora.creditcard", currencies = new() { "NOK" } } },
        revenue = new Revenue { currency = "NOK", yearly_revenue = "100.000-250.000 NOK", accept_prepaid = false },
        bank_name = "DNB",
        account_number = BamboraAccountNumber,
        store_type = new() { "online" },
        applicant = new Applicant { phone_number = "+4799999999" },
    };
}
