using System;
using System.Collections.Generic;
using System.Reflection;

namespace Dintero.Connections.Templates
{
    /// <summary>
    /// The example value of a template's cell, as text a sheet holds: looked up by <c>Model.field</c>, then by field name
    /// (the kind's own values first, <see cref="TemplateKind.Examples"/>), then by the field's shape (a boolean, a number,
    /// an e-mail address, a web address). Values are Dintero's own examples where it publishes one, test values where
    /// one exists (organization number 912345678, Dintero's test bank account 86011117947), example.com addresses, and
    /// a social security number no person has (its check digits are wrong). ASCII only: a sheet Excel saves in Windows-1252
    /// reads the same.
    /// </summary>
    internal static class ExampleValues
    {
        private const string Email = "post@example.com";
        private const string Web = "https://www.example.com";

        private static readonly Dictionary<string, string> Table = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // The company and the people.
            ["organization_number"] = "912345678",
            ["business_name"] = "Fjordkaffe AS",
            ["legal_name"] = "Fjordkaffe AS",
            ["Owner.legal_name"] = "Kari Nordmann",
            ["display_name"] = "Fjordkaffe",
            ["name"] = "Kari Nordmann",
            ["first_name"] = "Kari",
            ["last_name"] = "Nordmann",
            ["title"] = "CEO",
            ["phone_number"] = "+4799999999",
            ["date_of_birth"] = "1990-09-20",
            ["birth_date"] = "1990-09-20",
            ["social_security_number"] = "01010112345",
            ["emails"] = "accounting@example.com",
            ["terms_url"] = Web + "/terms",
            ["terms_and_conditions_url"] = Web + "/terms",
            ["demo_site_url"] = "https://demo.example.com",
            ["account_statement_url"] = Web + "/account-statement.pdf",

            // Addresses.
            ["address_line"] = "Storgata 1",
            ["address_line_2"] = "Oppgang B",
            ["postal_code"] = "0155",
            ["postal_place"] = "Oslo",
            ["address_postal_code"] = "0155",
            ["address_city"] = "Oslo",
            ["country"] = "NO",
            ["country_code"] = "NO",
            ["address_country"] = "NO",
            ["bank_account_country_code"] = "NO",
            ["language"] = "no",

            // Money and bank accounts.
            ["currency"] = "NOK",
            ["currencies"] = "NOK",
            ["bank_account_currency"] = "NOK",
            ["payout_currency"] = "NOK",
            ["bank_name"] = "DNB",
            ["account_number"] = "86011117947",
            ["bank_account_number"] = "86011117947",
            ["account_number_type"] = "mod11",
            ["bank_account_number_type"] = "BBAN",
            ["bank_identification_code"] = "DNBANOKKXXX",

            // What the merchant sells, and how much (Dintero's own example figures).
            ["PaymentOption.type"] = "dintero.zero",
            ["PaymentTypeShare.type"] = "dintero.zero",
            ["store_type"] = "online;instore",
            ["package"] = "Checkout 195 NOK/month + 1.5%",
            ["yearly_revenue"] = "100.000-250.000 NOK",
            ["highest_transaction_amount"] = "500-1000 NOK",
            ["average_amount"] = "250-500 NOK",
            ["percentage"] = "100",
            ["ownership_structure"] = "owners_with_more_than_25",
            ["industry"] = "goods",
            ["company_category"] = "5499",
            ["company_description"] = "Sells coffee online and in its shop",
            ["total_number_of_transactions"] = "1000",
            ["total_volume_of_transactions"] = "500000",
            ["finance_number_of_transactions"] = "100",
            ["finance_volume_of_transactions"] = "50000",

            // A merchant category code with its descriptions (company_information.mcc).
            ["MerchantCategory.mcc"] = "5499",
            ["start"] = "5000",
            ["end"] = "5599",
            ["description"] = "Retail outlet services",
            ["iso_description"] = "Miscellaneous food stores",
            ["usda_description"] = "Misc. food stores - convenience stores and specialty markets",
            ["stripe_description"] = "Miscellaneous food stores - convenience stores and specialty markets",
            ["stripe_code"] = "miscellaneous_food_stores",
            ["visa_description"] = "Misc. food stores - convenience stores and specialty markets",
            ["visa_req_clearing_name"] = "Misc Food Stores",

            // Approvals: what is applied for, and the seller.
            ["product"] = "checkout",
            ["payment_method"] = "creditcard",
            ["payout_destination_id"] = "seller-0001",
            ["payout_destination_name"] = "Fjordkaffe AS",
            ["payout_destination_description"] = "Coffee shop in Oslo",
            ["payout_reference"] = "Example Marketplace",
            ["PayoutDestinationSignup.type"] = "company",
            ["payout_interval_type"] = "weekly",
            ["schedule"] = "monthly",
            ["reference"] = "seller-0001",
            ["content_types"] = "application/pdf;text/csv",

            // The yes/no fields whose natural example is no.
            ["politically_exposed_person"] = "false",
            ["politically_exposed_associated"] = "false",
            ["accept_prepaid"] = "false",
            ["gift_cards"] = "false",
            ["subscriptions_or_memberships"] = "false",
            ["reserved"] = "false",
        };

        /// <summary>The example of <paramref name="field"/> of <paramref name="model"/> in <paramref name="kind"/>'s template, as a cell's text.</summary>
        /// <exception cref="InvalidOperationException">A text field no entry and no shape gives an example for: one must be added here.</exception>
        public static string For(TemplateKind kind, Type model, PropertyInfo field, Type valueType)
        {
            var qualified = model.Name + "." + field.Name;
            if (kind.Examples.TryGetValue(qualified, out var value) || kind.Examples.TryGetValue(field.Name, out value)) return value;
            if (Table.TryGetValue(qualified, out value) || Table.TryGetValue(field.Name, out value)) return value;
            if (valueType == typeof(bool)) return "true";
            if (valueType == typeof(decimal) || valueType == typeof(long)) return "1";
            if (field.Name.EndsWith("email", StringComparison.Ordinal)) return Email;
            if (field.Name.EndsWith("_url", StringComparison.Ordinal) || field.Name == "website") return Web;
            throw new InvalidOperationException($"The templates have no example value for {qualified}: add one to {nameof(ExampleValues)}.");
        }

        /// <summary>The account cell's example, the first column of every template: the shape of an id, an account of no one.</summary>
        public const string AccountId = "T12345678";
    }
}
