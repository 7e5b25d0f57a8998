using System.Collections.Specialized;
using Dintero.Connections.Models;

namespace Dintero.Connections.Benchmarks;

/// <summary>The signups the benchmarks send: a full Common signup, and the Import-Csv row a sheet would give.</summary>
public static class Samples
{
    public const string AccountId = "T00000001";

    public static CommonConnectionSignup Signup() => new()
    {
        payment_options = new() { new PaymentOption { type = "dintero.zero", currencies = new() { "NOK" } }, new PaymentOption { type = "vipps", currencies = new() { "NOK" } } },
        store_type = new() { "online" },
        package = "Checkout 195 NOK/month + 1.5%",
        revenue = new Revenue { currency = "NOK", yearly_revenue = "100.000-250.000 NOK", accept_prepaid = false },
        applicant = new Applicant { first_name = "Ola", last_name = "Nordmann", email = "ola@example.com", phone_number = "+4799999999" },
        company_information = new CompanyInformation { industry = "goods", company_category = "5499" },
    };

    /// <summary>What Import-Csv gives for one merchant of a sheet: text cells under dotted column names.</summary>
    public static OrderedDictionary Row(int index, string accountId = AccountId) => new()
    {
        ["account_id"] = accountId,
        ["payment_options[0].type"] = "dintero.zero",
        ["payment_options[0].currencies"] = "NOK",
        ["payment_options[1].type"] = "vipps",
        ["payment_options[1].currencies"] = "NOK",
        ["store_type"] = "online",
        ["package"] = "Checkout 195 NOK/month + 1.5%",
        ["revenue.currency"] = "NOK",
        ["revenue.yearly_revenue"] = "100.000-250.000 NOK",
        ["revenue.accept_prepaid"] = "no",
        ["applicant.first_name"] = "Merchant",
        ["applicant.last_name"] = "Number " + index,
        ["applicant.email"] = $"merchant{index}@example.com",
        ["applicant.phone_number"] = "+4799999999",
        ["company_information.industry"] = "goods",
        ["company_information.company_category"] = "5499",
    };

    public static readonly Dictionary<string, string> ParameterKeys = new() { ["AccountId"] = "AccountId", ["account_id"] = "AccountId", ["aid"] = "AccountId" };
}
