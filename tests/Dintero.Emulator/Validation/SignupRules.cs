using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dintero.Emulator.Validation;

/// <summary>
/// The emulator's own reading of Dintero's schema: required fields, JSON types and closed enumerations.
/// Written independently of the engine's validator, and like the API it checks shapes, not formats
/// (the seed examples, with their "&lt;string&gt;" placeholders, are accepted).
/// </summary>
public static class SignupRules
{
    private static readonly string[] StoreTypes = { "online", "instore", "remote" };
    private static readonly string[] OwnershipStructures = { "owners_with_more_than_25", "no_owners_with_more_than_25", "complex" };
    private static readonly string[] AccountNumberTypes = { "iban", "mod11" };
    private static readonly string[] Industries = { "goods", "services", "subscriptions_or_memberships", "charity", "travel_and_entertainment", "other" };
    private static readonly string[] BamboraTypes = { "bambora.creditcard", "bambora.mobilepay", "bambora.vipps" };
    private static readonly string[] Booleans =
    {
        "revenue.accept_prepaid", "revenue.subscriptions_or_memberships", "revenue.gift_cards",
        "verifications.terms_and_conditions", "verifications.contact_information", "verifications.payment_site",
        "verifications.clear_pricing", "verifications.payment_product_logos",
        "signature.politically_exposed_person", "signature.politically_exposed_associated",
    };

    public static List<FieldError> Common(JsonObject signup)
    {
        var errors = new List<FieldError>();
        PaymentOptions(signup, errors, allowedTypes: null);
        RequiredArray(signup, "store_type", errors);
        EnumArray(signup, "store_type", StoreTypes, errors);
        Shared(signup, errors);
        if (signup["bank_accounts"] is JsonArray accounts)
        {
            for (var i = 0; i < accounts.Count; i++)
            {
                Enum(accounts[i]?["account_number_type"], $"signup.bank_accounts[{i}].account_number_type", AccountNumberTypes, errors);
            }
        }
        Enum(signup["company_information"]?["industry"], "signup.company_information.industry", Industries, errors);
        if (signup["payment_method_specific"]?["instabank"] is JsonObject instabank)
        {
            foreach (var figure in new[] { "total_number_of_transactions", "total_volume_of_transactions", "finance_number_of_transactions", "finance_volume_of_transactions" })
            {
                if (instabank[figure] == null) errors.Add(new($"signup.payment_method_specific.instabank.{figure}", "is required", "required"));
            }
        }
        return errors;
    }

    public static List<FieldError> Bambora(JsonObject signup)
    {
        var errors = new List<FieldError>();
        PaymentOptions(signup, errors, BamboraTypes);
        if (signup["revenue"] is not JsonObject) errors.Add(new("signup.revenue", "is required", "required"));
        RequiredString(signup, "bank_name", errors);
        RequiredString(signup, "account_number", errors);
        EnumArray(signup, "store_type", StoreTypes, errors);
        Shared(signup, errors);
        return errors;
    }

    private static void Shared(JsonObject signup, List<FieldError> errors)
    {
        Enum(signup["ownership"]?["ownership_structure"], "signup.ownership.ownership_structure", OwnershipStructures, errors);
        foreach (var path in Booleans)
        {
            var parts = path.Split('.');
            var value = signup[parts[0]]?[parts[1]];
            if (value != null && value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                errors.Add(new($"signup.{path}", $"should be boolean, got {value.ToJsonString(EmulatorJson.Options)}", "type"));
            }
        }
    }

    private static void PaymentOptions(JsonObject signup, List<FieldError> errors, string[]? allowedTypes)
    {
        if (signup["payment_options"] is not JsonArray options || options.Count == 0)
        {
            errors.Add(new("signup.payment_options", "is required and must hold at least one payment option", "required"));
            return;
        }
        for (var i = 0; i < options.Count; i++)
        {
            var type = options[i]?["type"];
            if (type == null || type.GetValueKind() != JsonValueKind.String)
            {
                errors.Add(new($"signup.payment_options[{i}].type", "is required", "required"));
            }
            else if (allowedTypes != null)
            {
                Enum(type, $"signup.payment_options[{i}].type", allowedTypes, errors);
            }
            if (options[i]?["currencies"] is not JsonArray)
            {
                errors.Add(new($"signup.payment_options[{i}].currencies", "is required", "required"));
            }
        }
    }

    private static void RequiredArray(JsonObject parent, string name, List<FieldError> errors)
    {
        if (parent[name] is not JsonArray array || array.Count == 0) errors.Add(new($"signup.{name}", "is required and must not be empty", "required"));
    }

    private static void RequiredString(JsonObject parent, string name, List<FieldError> errors)
    {
        var value = parent[name];
        if (value == null || value.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetValue<string>()))
        {
            errors.Add(new($"signup.{name}", "is required", "required"));
        }
    }

    private static void EnumArray(JsonObject parent, string name, string[] allowed, List<FieldError> errors)
    {
        if (parent[name] is not JsonArray array) return;
        for (var i = 0; i < array.Count; i++) Enum(array[i], $"signup.{name}[{i}]", allowed, errors);
    }

    private static void Enum(JsonNode? value, string path, string[] allowed, List<FieldError> errors)
    {
        if (value == null) return;
        if (value.GetValueKind() != JsonValueKind.String || !allowed.Contains(value.GetValue<string>()))
        {
            errors.Add(new(path, $"should be equal to one of the allowed values: {string.Join(", ", allowed)} (got {value.ToJsonString(EmulatorJson.Options)})", "enum"));
        }
    }
}
