using Dintero.Connections.Models;

namespace Dintero.Connections.Engine.Tests.Support;

/// <summary>
/// Inputs used across the suite. The secret and personal values here are what the leak scan looks for in every
/// log line and exception message the suite produces.
/// </summary>
public static class TestData
{
    /// <summary>The merchant client's own account; it has an organization number in the emulator.</summary>
    public const string AccountId = "T00000001";
    public const string ClientId = "suite-client";
    public const string ClientSecret = "Sup3r-Secret-Client-Value-7781";

    /// <summary>A partner of the emulator, with its own client; its merchants are reached through the token exchange.</summary>
    public const string PartnerId = "T11200000";
    public const string PartnerClientId = "suite-partner";
    public const string PartnerClientSecret = "Partner-Secret-Client-Value-4410";

    /// <summary>A merchant of the partner, with an organization number in the emulator.</summary>
    public const string Merchant = "T11200001";

    /// <summary>A merchant of the partner whose company has no organization number yet.</summary>
    public const string MerchantWithoutOrganization = "T11200002";

    /// <summary>An account that belongs to no partner and no client of the suite.</summary>
    public const string ForeignAccount = "T99000001";
    public const string ApplicantSsn = "01019012345";
    public const string OwnerSsn = "24128899876";
    public const string BankAccountNumber = "12345678903";
    public const string Iban = "NO9386011117947";
    public const string BamboraAccountNumber = "15036012345";
    public const string ProviderAccountNumber = "98765432109";

    public static readonly string[] Secrets = { ClientSecret, PartnerClientSecret, ApplicantSsn, OwnerSsn, BankAccountNumber, Iban, BamboraAccountNumber, ProviderAccountNumber };

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

    public static CollectorConnectionSignup CollectorSignup() => new()
    {
        legal_name = "Fjord Coffee AS",
        organization_number = "912345678",
        bank_name = "DNB",
        account_number = ProviderAccountNumber,
        website = "https://fjordcoffee.example",
        payment_options = new() { new PaymentOption { type = "collector.invoice", currencies = new() { "NOK" } } },
    };

    public static InstabankConnectionSignup InstabankSignup() => new()
    {
        email = "finance@fjordcoffee.example",
        phone_number = "+4799999999",
        total_number_of_transactions = "1000",
        total_volume_of_transactions = "500000",
        finance_number_of_transactions = "100",
        finance_volume_of_transactions = "50000",
        industry = "goods",
        account_number = ProviderAccountNumber,
        payment_options = new() { new PaymentOption { type = "instabank.invoice", currencies = new() { "NOK" } } },
    };

    public static PayExConnectionSignup PayExSignup() => new()
    {
        legal_name = "Fjord Coffee AS",
        applicant_contact = new ContactPerson { name = "Ola Nordmann", phone_number = "+4799999999", email = "ola@fjordcoffee.example" },
        payment_options = new() { new PaymentOption { type = "payex.creditcard", currencies = new() { "NOK", "SEK" } } },
    };

    public static SwishConnectionSignup SwishSignup() => new()
    {
        legal_name = "Havet Fisk AB",
        organization_number = "5561234567",
        website = "https://havetfisk.example",
        account_number = ProviderAccountNumber,
        payment_options = new() { new PaymentOption { type = "swish.swish", currencies = new() { "SEK" } } },
    };
}
