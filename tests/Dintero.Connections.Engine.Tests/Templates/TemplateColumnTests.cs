using Dintero.Connections.Errors;
using Dintero.Connections.Json;
using Dintero.Connections.Models;
using Dintero.Connections.Engine.Tests.Support;
using Dintero.Connections.Templates;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Engine.Tests.Templates;

/// <summary>How a model's fields become a template's columns, and how a kind's check shapes them.</summary>
public sealed class TemplateColumnTests
{
    /// <summary>A model of the shapes a signup has: text, a list of text, a list of models, a nested model, a yes/no, a stamp.</summary>
    public sealed class Shop : DinteroModel
    {
        public string? website { get; set; }
        public List<string>? store_type { get; set; }
        public List<PaymentOption>? payment_options { get; set; }
        public Address? address { get; set; }
        public bool? gift_cards { get; set; }
        public DateTimeOffset? created_at { get; set; }

        [LocalField]
        public string? account_id { get; set; }
    }

    /// <summary>As a cmdlet that binds a row by its parameters takes it: no list of models.</summary>
    public sealed class Front : DinteroModel
    {
        public string? website { get; set; }
        public List<string>? store_type { get; set; }
        public Address? address { get; set; }
    }

    public sealed class Kiosk : DinteroModel
    {
        public string? opening_hours { get; set; }
    }

    [Fact]
    public void Fields_become_dotted_columns_the_first_list_item_index_0_and_a_list_of_text_one_cell_joined_with_semicolons()
    {
        var row = SignupTemplate.Row(new TemplateKind<Shop>("Shop", "shop", TemplateLayout.Fields, check: null));

        Assert.Equal(
            new[]
            {
                "account_id", "website", "store_type", "payment_options[0].currencies", "payment_options[0].type",
                "address.address_line", "address.address_line_2", "address.postal_code", "address.postal_place", "address.country", "gift_cards",
            },
            row.Select(cell => cell.Key));
        var cells = row.ToDictionary(cell => cell.Key, cell => cell.Value);
        Assert.Equal(("online;instore", "https://www.example.com", "false", "NO"), (cells["store_type"], cells["website"], cells["gift_cards"], cells["address.country"]));
    }

    [Fact]
    public void By_parameters_a_row_has_the_top_level_fields_and_a_nested_model_as_JSON_text()
    {
        var row = SignupTemplate.Row(new TemplateKind<Front>("Front", "front", TemplateLayout.Parameters, check: null)).ToDictionary(cell => cell.Key, cell => cell.Value);

        Assert.Equal(new[] { "account_id", "website", "store_type", "address" }, row.Keys);
        Assert.Equal("online;instore", row["store_type"]);
        Assert.Equal("Oslo", DinteroJson.Deserialize<Address>(row["address"]).postal_place);
        // The binder reads a cell of JSON text as one object: a list of models has no cell of its own.
        var list = Assert.Throws<InvalidOperationException>(() => SignupTemplate.Row(new TemplateKind<Shop>("Shop", "shop", TemplateLayout.Parameters, check: null)));
        Assert.Contains("Shop.payment_options", list.Message);
    }

    [Fact]
    public void A_text_field_without_an_example_stops_the_template_and_names_the_field()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => SignupTemplate.Row(new TemplateKind<Kiosk>("Kiosk", "kiosk", TemplateLayout.Fields, check: null)));

        Assert.Contains("Kiosk.opening_hours", missing.Message);
    }

    [Fact]
    public void The_columns_of_a_field_the_check_refuses_are_left_out()
    {
        // As an approval's check, once issue 28 passes one, might refuse the form submitter.
        var kind = new TemplateKind<PaymentApprovalSignup>("PaymentApproval", "payment_approval", TemplateLayout.Fields, approval =>
        {
            if (approval.form_submitter != null) throw new DinteroValidationException("The approval", new[] { new ValidationProblem("payment_approval.form_submitter", "is not accepted; remove it.") });
        });

        var columns = SignupTemplate.Row(kind).Select(cell => cell.Key).ToList();

        Assert.DoesNotContain(columns, column => column.StartsWith("form_submitter", StringComparison.Ordinal));
        Assert.Equal(SignupTemplate.Row(TemplateKinds.PaymentApproval).Select(cell => cell.Key).Where(column => !column.StartsWith("form_submitter", StringComparison.Ordinal)), columns);
    }

    [Fact]
    public void A_check_that_refuses_the_example_itself_stops_the_template()
    {
        var kind = new TemplateKind<PaymentApprovalSignup>("PaymentApproval", "payment_approval", TemplateLayout.Fields, approval =>
            throw new DinteroValidationException("The approval", new[] { new ValidationProblem("payment_approval", "needs a field no model has.") }));

        var refused = Assert.Throws<InvalidOperationException>(() => SignupTemplate.Row(kind));

        Assert.Contains("needs a field no model has", refused.Message);
    }

    /// <summary>The examples are values Dintero's published request schemas take: their types, enums, patterns and lengths.</summary>
    [Fact]
    public void The_templates_as_request_bodies_match_Dintero_s_schemas()
    {
        var bodies = new (string Kind, string Path, Func<DinteroModel, object> Body)[]
        {
            ("Common", "/accounts/{aid}/management/settings/connections/common", model => new SignupRequest<CommonConnectionSignup> { signup = (CommonConnectionSignup)model }),
            ("Bambora", "/accounts/{aid}/management/settings/connections/bambora", model => new SignupRequest<BamboraConnectionSignup> { signup = (BamboraConnectionSignup)model }),
            ("PaymentApproval", "/accounts/{oid}/management/settings/approvals/payments", model => model),
            ("PayoutDestination", "/accounts/{oid}/management/settings/approvals/payout-destinations", model => model),
        };
        foreach (var (kind, path, body) in bodies)
        {
            var template = TemplateKinds.Named(kind);
            var (model, _) = template.Bind(SignupTemplate.Sheet(SignupTemplate.Row(template)));

            var violations = OpenApiDocument.Violations(OpenApiDocument.Dintero.Request("post", path), DinteroJson.Serialize(body(model!)));

            Assert.True(violations.Count == 0, $"{kind}: {string.Join("; ", violations)}");
        }
    }
}
