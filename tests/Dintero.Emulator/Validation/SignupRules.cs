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
    // The D21 schema's closed list of merchant category codes, which the OpenAPI subset keeps. The engine checks only
    // the shape (four digits), since Dintero's current list is not published: the emulator is stricter on purpose.
    private static readonly string[] MerchantCategoryCodes =
    {
        "4722", "5021", "5045", "5122", "5211", "5399", "5499", "5691", "5699", "5712", "5719", "5732", "5816", "5817", "5932", "5941", "5944",
        "5945", "5971", "5977", "5993", "5999", "7011", "7033", "7298", "7392", "7399", "7512", "7922", "7929", "7991", "7997", "7999", "8299",
        "8398", "8641", "8699", "8999",
    };
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
        Enum(signup["company_information"]?["company_category"], "signup.company_information.company_category", MerchantCategoryCodes, errors);
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

    public static List<FieldError> Collector(JsonObject signup)
    {
        var errors = new List<FieldError>();
        PaymentOptions(signup, errors, new[] { "collector.invoice", "collector.installment" });
        foreach (var field in new[] { "legal_name", "organization_number", "bank_name", "account_number", "website" }) RequiredString(signup, field, errors);
        return errors;
    }

    public static List<FieldError> Instabank(JsonObject signup)
    {
        var errors = new List<FieldError>();
        PaymentOptions(signup, errors, new[] { "instabank.invoice", "instabank.finance" });
        foreach (var field in new[] { "email", "phone_number", "total_number_of_transactions", "total_volume_of_transactions", "finance_number_of_transactions", "finance_volume_of_transactions", "industry", "account_number" })
        {
            RequiredString(signup, field, errors);
        }
        if (signup["account_number"] is { } number && number.GetValueKind() == JsonValueKind.String && number.GetValue<string>().Length != 11)
        {
            errors.Add(new("signup.account_number", "should NOT be shorter or longer than 11 characters", "length"));
        }
        return errors;
    }

    public static List<FieldError> PayEx(JsonObject signup)
    {
        var errors = new List<FieldError>();
        PaymentOptions(signup, errors, new[] { "payex.creditcard" });
        foreach (var contact in new[] { "applicant_contact", "accounting_contact" })
        {
            if (signup[contact] is not JsonObject person) continue;
            foreach (var field in new[] { "name", "phone_number", "email" })
            {
                if (person[field] == null) errors.Add(new($"signup.{contact}.{field}", "is required", "required"));
            }
        }
        return errors;
    }

    public static List<FieldError> Swish(JsonObject signup)
    {
        var errors = new List<FieldError>();
        PaymentOptions(signup, errors, new[] { "swish.swish" });
        foreach (var field in new[] { "legal_name", "organization_number", "website" }) RequiredString(signup, field, errors);
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
            if (options[i]?["currencies"] is { } currencies && currencies is not JsonArray)
            {
                errors.Add(new($"signup.payment_options[{i}].currencies", "should be array", "type"));
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
