using Dintero.Connections.Approvals;
using System.Collections;
using System.Reflection;
using Dintero.Connections.Binding;
using Dintero.Connections.Errors;
using Dintero.Connections.Http;
using Dintero.Connections.Kinds;
using Dintero.Connections.Models;
using Dintero.Connections.Templates;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Engine.Tests.Templates;

/// <summary>
/// Each kind's template, as a partner's sheet of strings, goes through what its cmdlet does with a row: the binder (no
/// problem, no column left to other cmdlets) and the cmdlet's own check (accepted, without a doubtful value); and it fills
/// every field of the model but the ones left out on purpose, so a field a model gains is a column of its template.
/// </summary>
public sealed class SignupTemplateTests
{
    private static readonly Dictionary<string, string> AccountKeys = new(StringComparer.OrdinalIgnoreCase) { ["account_id"] = "AccountId" };

    /// <summary>What a kind's cmdlet does with a row, written here from the cmdlets, not read from the registry.</summary>
    public sealed record Cmdlet(string Kind, Func<IDictionary, (DinteroModel Model, IReadOnlyList<string> Ignored)> Bind, Func<DinteroModel, IReadOnlyList<ValidationProblem>>? Check)
    {
        public override string ToString() => Kind;
    }

    private static (DinteroModel, IReadOnlyList<string>) Bind<T>(IDictionary row, string root) where T : DinteroModel, new()
    {
        var bound = InputBinder.BindInput<T>(row, "The row", root, AccountKeys);
        return (bound.Model, bound.IgnoredKeys);
    }

    // New-Dintero<Kind>Connection: bound under signup, then the kind's Check; its doubts would be warnings.
    private static Cmdlet Signup<TSignup, TConnection>(SignupKind<TSignup, TConnection> kind)
        where TSignup : DinteroModel, new()
        where TConnection : Connection, new() =>
        new(kind.Name, row => Bind<TSignup>(row, SignupValidator.Root), model => kind.Check((TSignup)model).Doubts);

    public static TheoryData<Cmdlet> Cmdlets() => new()
    {
        Signup(ConnectionKinds.Common),
        Signup(ConnectionKinds.Bambora),
        Signup(ConnectionKinds.Collector),
        Signup(ConnectionKinds.Instabank),
        Signup(ConnectionKinds.PayEx),
        Signup(ConnectionKinds.Swish),
        // Set-DinteroAccountSetting: the company's fields, checked as the fields it sets.
        new Cmdlet("AccountSetting", row => Bind<AccountCompany>(row, "company"), model =>
        {
            CompanyChanges.Checked((AccountCompany)model);
            return Array.Empty<ValidationProblem>();
        }),
        // New-DinteroPaymentApproval and New-DinteroPayoutDestination: bound under their roots, checked as they check.
        new Cmdlet("PaymentApproval", row => Bind<PaymentApprovalSignup>(row, ApprovalChecks.ApprovalRoot), model => Problems(() => ApprovalChecks.Check((PaymentApprovalSignup)model))),
        new Cmdlet("PayoutDestination", row => Bind<PayoutDestinationSignup>(row, ApprovalChecks.SellerRoot), model => Problems(() => ApprovalChecks.Check((PayoutDestinationSignup)model))),
    };

    private static IReadOnlyList<ValidationProblem> Problems(Action check)
    {
        try
        {
            check();
            return Array.Empty<ValidationProblem>();
        }
        catch (DinteroValidationException refused)
        {
            return refused.Problems;
        }
    }

    private static IDictionary Sheet(string kind) => SignupTemplate.Sheet(SignupTemplate.Row(TemplateKinds.Named(kind)));

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void The_template_binds_as_its_cmdlet_binds_a_row_and_passes_the_cmdlet_s_check(Cmdlet cmdlet)
    {
        var sheet = Sheet(cmdlet.Kind);

        Assert.Equal("account_id", sheet.Keys.Cast<string>().First());
        Assert.All(sheet.Values.Cast<object>(), cell => Assert.False(string.IsNullOrWhiteSpace(Assert.IsType<string>(cell))));
        var (model, ignored) = cmdlet.Bind(sheet);
        Assert.Empty(ignored);
        if (cmdlet.Check != null) Assert.Empty(cmdlet.Check(model));
        Assert.Equal(cmdlet.Check != null, TemplateKinds.Named(cmdlet.Kind).HasCheck);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void The_template_fills_every_field_of_the_model_but_Dintero_s_stamps_and_what_the_kind_refuses(Cmdlet cmdlet)
    {
        var (model, _) = cmdlet.Bind(Sheet(cmdlet.Kind));

        var empty = EmptyFields(model, string.Empty).ToList();

        // Bambora's check refuses these (Dintero: not in the Bambora signup); every other kind takes every field.
        var refused = cmdlet.Kind == "Bambora"
            ? new[] { "revenue.estimated_percentage_per_payment_type", "ownership.owners[0].social_security_number", "ownership.owners[0].address", "verifications.payment_site_url", "verifications.demo_site_url", "applicant.first_name", "applicant.last_name", "applicant.email", "applicant.social_security_number" }
            : Array.Empty<string>();
        Assert.Equal(refused.OrderBy(path => path, StringComparer.Ordinal), empty.OrderBy(path => path, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_connection_kind_has_its_template_of_its_own_signup_model_and_Vipps_the_account_alone()
    {
        foreach (var kind in ConnectionKinds.All)
        {
            var template = TemplateKinds.Named(kind.Name);
            var type = kind.GetType();
            var signup = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(SignupKind<,>) ? type.GetGenericArguments()[0] : null;
            Assert.Equal(signup, template.ModelType);
        }
        Assert.Equal(new[] { "account_id" }, SignupTemplate.Row(TemplateKinds.Vipps).Select(cell => cell.Key));
    }

    [Fact]
    public void A_mistyped_kind_is_refused_with_the_nearest_one()
    {
        var refused = Assert.Throws<DinteroValidationException>(() => TemplateKinds.Named("Comon"));

        Assert.Contains("Did you mean 'Common'?", Assert.Single(refused.Problems).Message);
        Assert.Same(TemplateKinds.PaymentApproval, TemplateKinds.Named("payment_approval"));
    }

    // The paths of the model's fields that hold nothing (a list without items counts as nothing), moments aside.
    private static IEnumerable<string> EmptyFields(object model, string path)
    {
        foreach (var field in model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && !LocalFieldAttribute.IsOn(p)))
        {
            if ((Nullable.GetUnderlyingType(field.PropertyType) ?? field.PropertyType) == typeof(DateTimeOffset)) continue;
            var at = path + field.Name;
            var value = field.GetValue(model);
            if (value == null || value is IList { Count: 0 })
            {
                yield return at;
                continue;
            }
            var nested = value is IList list && list[0] is DinteroModel ? (list[0], at + "[0].") : value is DinteroModel inner ? (inner, at + ".") : default;
            if (nested.Item1 == null) continue;
            foreach (var deeper in EmptyFields(nested.Item1, nested.Item2)) yield return deeper;
        }
    }
}
