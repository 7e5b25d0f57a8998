using System.Text.Json.Nodes;
using static Dintero.Emulator.Validation.JsonShape;

namespace Dintero.Emulator.Validation;

/// <summary>
/// The bodies of the approval POSTs as docs/openapi/dintero-approvals.yaml has them: PaymentApprovalRequest and
/// SellerApprovalRequest, with their required fields, lengths and lists, codes checked against ISO 3166-1 and ISO 4217,
/// and the seller's rule a 3.0 document cannot say: <c>country_code</c> and <c>organization_number</c> for a company
/// (<c>type</c> left out or company), <c>individual</c> for a person. What Dintero answers with is kept; fields it does not
/// know are left out (see <see cref="JsonShape"/>), and so are the fields Dintero sets (id, case_status, links, mcc, ...).
/// </summary>
public static class ApprovalRules
{
    private static readonly Text Country = new(MinLength: 2, MaxLength: 2, Format: "country");
    private static readonly Text Currency = new(MinLength: 3, MaxLength: 3, Format: "currency");
    private static readonly Text Email = new(Format: "email");
    private static readonly Text AnyText = new();

    /// <summary>ApprovalsBankAccount: the two currencies are required; the number's type is IBAN or BBAN; a BIC has 8 to 11 characters.</summary>
    private static readonly Record BankAccount = new(new Field[]
    {
        new("bank_account_currency", Currency, Required: true),
        new("payout_currency", Currency, Required: true),
        new("bank_name", AnyText),
        new("bank_account_number", AnyText),
        new("bank_account_number_type", new Text(OneOf: new[] { "IBAN", "BBAN" })),
        new("bank_account_country_code", Country),
        new("bank_identification_code", new Text(MinLength: 8, MaxLength: 11)),
    });

    private static readonly Record FormSubmitter = new(new Field[] { new("email", Email), new("name", AnyText), new("title", AnyText) });

    private static readonly Record Payment = new(new Field[]
    {
        new("products", new Items(new Record(new Field[] { new("product", AnyText, Required: true) }), MinItems: 1), Required: true),
        new("payment_methods", new Items(new Record(new Field[] { new("payment_method", AnyText, Required: true) }), MinItems: 1), Required: true),
        new("country_code", Country, Required: true),
        new("organization_number", AnyText, Required: true),
        new("bank_accounts", new Items(BankAccount, MinItems: 1), Required: true),
        // UNCERTAIN (the yaml): seen in Dintero's answer only; taken on the request as the seller's is.
        new("form_submitter", FormSubmitter),
    });

    private static readonly Record Individual = new(new Field[]
    {
        new("name", AnyText), new("birth_date", new Text(Format: "date")), new("phone_number", AnyText), new("email", Email),
        new("address_line", AnyText), new("address_line_2", AnyText), new("address_postal_code", AnyText), new("address_city", AnyText),
        new("address_country", Country),
    });

    private static readonly string[] Schedules = { "daily", "weekly", "monthly" };

    private static readonly Record Seller = new(new Field[]
    {
        new("payout_destination_id", new Text(MaxLength: 40), Required: true),
        new("payout_destination_name", new Text(MaxLength: 60)),
        new("payout_destination_description", new Text(MaxLength: 1000)),
        new("payout_reference", new Text(MaxLength: 60), Required: true),
        new("language", new Text(OneOf: new[] { "en", "no" })),
        new("type", new Text(OneOf: new[] { "company", "individual" })),
        new("country_code", Country),
        new("organization_number", AnyText),
        new("individual", Individual),
        new("bank_accounts", new Items(BankAccount, MinItems: 1, MaxItems: 1), Required: true),
        new("payout_interval_type", new Text(OneOf: Schedules)),
        new("form_submitter", FormSubmitter),
        new("settlement_report_configuration", new Record(new Field[] { new("emails", new Items(AnyText), Required: true) })),
        new("report_configuration", new Record(new Field[]
        {
            new("create_report_configuration", new Flag(), Required: true),
            new("email", Email),
            new("schedule", new Text(OneOf: Schedules)),
            new("reference", AnyText),
            new("content_types", new Items(new Text(OneOf: new[] { "application/pdf", "text/csv" }))),
        })),
    });

    /// <summary>A payment approval's body: its problems, and what is stored of it.</summary>
    public static (List<FieldError> Errors, JsonObject Kept) PaymentApproval(JsonObject body) => Check(Payment, body);

    /// <summary>A seller approval's body: its problems, and what is stored of it.</summary>
    public static (List<FieldError> Errors, JsonObject Kept) SellerApproval(JsonObject body)
    {
        var (errors, kept) = Check(Seller, body);
        // As given: a type outside the list is refused by its own error, and asks for neither.
        var type = body["type"] is JsonValue given && given.GetValueKind() == System.Text.Json.JsonValueKind.String ? given.GetValue<string>() : null;
        if (type is null or "company")
        {
            // Required for a company only (node-sdk: "required when type is blank or company").
            foreach (var name in new[] { "country_code", "organization_number" })
            {
                var blank = body[name] is JsonValue text && text.TryGetValue<string>(out var value) && string.IsNullOrWhiteSpace(value);
                if ((!body.ContainsKey(name) || blank) && errors.All(error => error.Path != name)) errors.Add(new(name, "is required when type is company or left out", "required"));
            }
        }
        else if (type == "individual" && !body.ContainsKey("individual"))
        {
            errors.Add(new("individual", "is required when type is individual", "required"));
        }
        return (errors, kept);
    }

    private static (List<FieldError> Errors, JsonObject Kept) Check(Record shape, JsonObject body)
    {
        var errors = new List<FieldError>();
        var kept = (JsonObject?)shape.Read(body, string.Empty, errors) ?? new JsonObject();
        return (errors, kept);
    }
}
