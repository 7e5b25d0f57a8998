using System.Collections;
using System.Collections.Specialized;
using Dintero.Connections.Binding;
using Dintero.Connections.Errors;
using Dintero.Connections.Json;
using Dintero.Connections.Models;
using Dintero.Connections.Engine.Tests.Support;

namespace Dintero.Connections.Engine.Tests.Binding;

/// <summary>What PowerShell users hand the cmdlets, bound onto the typed signups.</summary>
public sealed class InputBinderTests
{
    // What New-DinteroCommonConnection hands the binder: its pipeline-bound parameter and that parameter's aliases.
    private static readonly Dictionary<string, string> ParameterKeys = new() { ["AccountId"] = "AccountId", ["account_id"] = "AccountId", ["aid"] = "AccountId" };

    private static BoundInput<CommonConnectionSignup> CommonInput(object input) => InputBinder.BindInput<CommonConnectionSignup>(input, "The Common signup", "signup", ParameterKeys);

    private static CommonConnectionSignup Common(object input) => CommonInput(input).Model;

    private static DinteroValidationException Refused(object input) =>
        Assert.Throws<DinteroValidationException>(() => Common(input));

    [Fact]
    public void A_nested_hashtable_with_arrays_binds()
    {
        var input = new Hashtable
        {
            ["payment_options"] = new object[] { new Hashtable { ["type"] = "dintero.zero", ["currencies"] = new object[] { "NOK", "SEK" } } },
            ["store_type"] = new object[] { "online", "instore" },
            ["revenue"] = new Hashtable { ["currency"] = "NOK", ["accept_prepaid"] = true, ["estimated_percentage_per_payment_type"] = new ArrayList { new Hashtable { ["type"] = "vipps", ["percentage"] = 40 } } },
            ["ownership"] = new Hashtable { ["owners"] = new object[] { new Hashtable { ["name"] = "Kari", ["percentage"] = 25.5 } } },
        };

        var signup = Common(input);

        Assert.Equal(new[] { "NOK", "SEK" }, signup.payment_options![0].currencies);
        Assert.Equal(new[] { "online", "instore" }, signup.store_type);
        Assert.True(signup.revenue!.accept_prepaid);
        Assert.Equal(40m, signup.revenue.estimated_percentage_per_payment_type![0].percentage);
        Assert.Equal(25.5m, signup.ownership!.owners![0].percentage);
    }

    [Fact]
    public void Keys_match_snake_case_and_PascalCase_without_regard_to_case()
    {
        var input = new OrderedDictionary
        {
            ["PaymentOptions"] = new Hashtable { ["Type"] = "dintero.zero", ["CURRENCIES"] = "NOK" },
            ["store_type"] = "online",
            ["Revenue"] = new Hashtable { ["AcceptPrepaid"] = "true", ["giftCards"] = 0 },
            ["applicant"] = new Hashtable { ["PhoneNumber"] = "+4799999999" },
            ["ownership"] = new Hashtable { ["owners"] = new Hashtable { ["address"] = new Hashtable { ["AddressLine2"] = "PB 123" } } },
        };

        var signup = Common(input);

        Assert.Equal("dintero.zero", signup.payment_options![0].type);
        Assert.Equal(new[] { "NOK" }, signup.payment_options[0].currencies);
        Assert.True(signup.revenue!.accept_prepaid);
        Assert.False(signup.revenue.gift_cards);
        Assert.Equal("+4799999999", signup.applicant!.phone_number);
        Assert.Equal("PB 123", signup.ownership!.owners![0].address!.address_line_2);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("False", false)]
    [InlineData("yes", true)]
    [InlineData("0", false)]
    [InlineData(1, true)]
    [InlineData(0L, false)]
    [InlineData(true, true)]
    public void Loose_booleans_convert(object given, bool expected)
    {
        var signup = Common(new Hashtable { ["revenue"] = new Hashtable { ["gift_cards"] = given } });

        Assert.Equal(expected, signup.revenue!.gift_cards);
    }

    [Theory]
    [InlineData("25", 25)]
    [InlineData(" 12.5 ", 12.5)]
    [InlineData(30, 30)]
    [InlineData(7.25, 7.25)]
    public void Loose_numbers_convert(object given, double expected)
    {
        var signup = Common(new Hashtable { ["ownership"] = new Hashtable { ["owners"] = new Hashtable { ["percentage"] = given } } });

        Assert.Equal((decimal)expected, signup.ownership!.owners![0].percentage);
    }

    [Fact]
    public void Numbers_and_dates_given_for_text_fields_become_text()
    {
        var signup = Common(new Hashtable
        {
            ["company_information"] = new Hashtable { ["company_category"] = 4722 },
            ["ownership"] = new Hashtable { ["owners"] = new Hashtable { ["date_of_birth"] = new DateTime(1990, 9, 20) } },
        });

        Assert.Equal("4722", signup.company_information!.company_category);
        Assert.Equal("1990-09-20", signup.ownership!.owners![0].date_of_birth);
    }

    [Fact]
    public void A_JSON_string_binds_like_a_hashtable()
    {
        var json = Seeds.Requests(Seeds.CommonPage).First();
        var signupJson = System.Text.Json.Nodes.JsonNode.Parse(json)!["signup"]!.ToJsonString();

        var signup = Common(signupJson);

        Assert.Equal(DinteroJson.Serialize(DinteroJson.Deserialize<SignupRequest<CommonConnectionSignup>>(json).signup), DinteroJson.Serialize(signup));
    }

    [Fact]
    public void A_CSV_row_with_dotted_and_indexed_column_names_binds_nested()
    {
        // What Import-Csv gives: every value text, empty cells empty.
        var row = new OrderedDictionary
        {
            ["account_id"] = "T00000001",
            ["payment_options[0].type"] = "dintero.zero",
            ["payment_options[0].currencies"] = "NOK;SEK",
            ["payment_options[1].type"] = "vipps",
            ["payment_options[1].currencies"] = "NOK",
            ["store_type"] = "online;instore",
            ["revenue.currency"] = "NOK",
            ["revenue.accept_prepaid"] = "yes",
            ["revenue.gift_cards"] = "",
            ["applicant.email"] = "ola@example.com",
            ["package"] = "",
        };

        var bound = CommonInput(row);
        var signup = bound.Model;

        Assert.Equal(2, signup.payment_options!.Count);
        Assert.Equal(new[] { "NOK", "SEK" }, signup.payment_options[0].currencies);
        Assert.Equal("vipps", signup.payment_options[1].type);
        Assert.Equal(new[] { "online", "instore" }, signup.store_type);
        Assert.True(signup.revenue!.accept_prepaid);
        Assert.Null(signup.revenue.gift_cards);
        Assert.Null(signup.package);
        Assert.Equal("ola@example.com", signup.applicant!.email);
        Assert.Equal("T00000001", bound.ParameterValues["AccountId"]);
        Assert.Empty(bound.IgnoredKeys);
    }

    [Fact]
    public void A_row_with_fewer_items_than_the_sheet_has_columns_for_leaves_them_out()
    {
        var row = new OrderedDictionary
        {
            ["payment_options[0].type"] = "vipps",
            ["payment_options[0].currencies"] = "NOK",
            ["payment_options[1].type"] = "",
            ["payment_options[1].currencies"] = "",
            ["store_type"] = "instore",
        };

        var signup = Common(row);

        Assert.Equal("vipps", Assert.Single(signup.payment_options!).type);
        Assert.Empty(Dintero.Connections.Validation.SignupValidator.Validate(signup));
        // Half an item is still an item, with its problems.
        row["payment_options[1].currencies"] = "SEK";
        Assert.Equal("signup.payment_options[1].type", Assert.Single(Dintero.Connections.Validation.SignupValidator.Validate(Common(row))).Path);
    }

    [Fact]
    public void Dotted_keys_merge_with_a_hashtable_for_the_same_field()
    {
        var signup = Common(new Hashtable { ["revenue"] = new Hashtable { ["currency"] = "NOK" }, ["revenue.gift_cards"] = "true" });

        Assert.Equal("NOK", signup.revenue!.currency);
        Assert.True(signup.revenue.gift_cards);
    }

    [Fact]
    public void A_typed_model_is_taken_as_it_is()
    {
        var typed = TestData.CommonSignup();

        Assert.Same(typed, Common(typed));
    }

    [Fact]
    public void Metadata_hashtables_become_plain_dictionaries()
    {
        var connection = InputBinder.Bind<ConnectionEvent>(new Hashtable { ["metadata"] = new Hashtable { ["tags"] = new object[] { "a", 1 } } }, "The event", "event");

        var tags = Assert.IsType<List<object?>>(connection.metadata!["tags"]);
        Assert.Equal(new object?[] { "a", 1 }, tags);
    }

    [Fact]
    public void An_unknown_key_names_the_nearest_valid_key()
    {
        var error = Refused(new Hashtable { ["stor_type"] = "online", ["revenue"] = new Hashtable { ["acept_prepaid"] = true } });

        Assert.Collection(error.Problems.OrderBy(p => p.Path),
            problem =>
            {
                Assert.Equal("signup.revenue.acept_prepaid", problem.Path);
                Assert.Contains("Did you mean 'accept_prepaid'?", problem.Message);
            },
            problem =>
            {
                Assert.Equal("signup.stor_type", problem.Path);
                Assert.Contains("Did you mean 'store_type'?", problem.Message);
                Assert.Contains("Accepted: payment_options, store_type", problem.Message);
            });
    }

    [Fact]
    public void A_value_that_is_not_a_boolean_is_refused_under_its_path()
    {
        var error = Refused(new Hashtable { ["revenue"] = new Hashtable { ["accept_prepaid"] = "maybe" } });

        var problem = Assert.Single(error.Problems);
        Assert.Equal("signup.revenue.accept_prepaid", problem.Path);
        Assert.Equal("'maybe' is not a boolean; accepted: true, false, yes, no, 1, 0.", problem.Message);
    }

    [Fact]
    public void Every_binding_problem_is_reported_at_once_with_list_indexes()
    {
        var error = Refused(new Hashtable
        {
            ["payment_options"] = new object[] { new Hashtable { ["type"] = "x" }, "dintero.zero" },
            ["ownership"] = new Hashtable { ["owners"] = new object[] { new Hashtable { ["percentage"] = "a quarter" } } },
            ["revenue"] = "lots",
        });

        Assert.Equal(
            new[] { "signup.ownership.owners[0].percentage", "signup.payment_options[1]", "signup.revenue" },
            error.Problems.Select(p => p.Path).OrderBy(p => p, StringComparer.Ordinal));
        Assert.Contains("'a quarter' is not a number", error.Message);
    }

    [Fact]
    public void The_same_field_given_twice_is_refused()
    {
        var error = Refused(new Hashtable { ["store_type"] = "online", ["StoreType"] = "instore" });

        Assert.Equal("signup.store_type", Assert.Single(error.Problems).Path);
        Assert.Contains("given twice", error.Problems[0].Message);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"store_type\": [\"online\"")]
    [InlineData(42)]
    public void Input_that_is_no_object_is_refused_at_the_root(object input)
    {
        var error = Refused(input);

        Assert.Equal("signup", Assert.Single(error.Problems).Path);
    }

    [Fact]
    public void Personal_values_in_a_bad_field_are_not_repeated_in_the_message()
    {
        var error = Refused(new Hashtable { ["revenue"] = new Hashtable { ["accept_prepaid"] = TestData.OwnerSsn } });

        Assert.Equal("signup.revenue.accept_prepaid", Assert.Single(error.Problems).Path);
        Assert.DoesNotContain(TestData.OwnerSsn, error.Message);
    }

    [Fact]
    public void The_account_id_key_is_left_to_the_AccountId_parameter()
    {
        var input = new Hashtable { ["AID"] = "T12345678", ["store_type"] = "online" };

        var bound = CommonInput(input);

        Assert.Equal(new[] { "online" }, bound.Model.store_type);
        Assert.Equal("T12345678", bound.ParameterValues["AccountId"]);
        Assert.Empty(CommonInput(new Hashtable { ["store_type"] = "online" }).ParameterValues);
    }

    [Fact]
    public void A_master_sheet_s_columns_for_other_cmdlets_are_ignored_and_named()
    {
        var row = new OrderedDictionary
        {
            ["account_id"] = "T00000001",
            ["organization_number"] = "912345678",
            ["notes"] = "call back on Monday",
            ["payment_options[0].type"] = "dintero.zero",
            ["store_type"] = "online",
        };

        var bound = CommonInput(row);

        Assert.Equal(new[] { "organization_number", "notes" }, bound.IgnoredKeys);
        Assert.Equal(new[] { "online" }, bound.Model.store_type);
        Assert.Equal("T00000001", bound.ParameterValues["AccountId"]);
    }

    [Fact]
    public void A_key_close_to_a_field_is_still_refused_among_ignored_columns()
    {
        var error = Refused(new OrderedDictionary { ["organization_number"] = "912345678", ["yearly_revenu"] = "100", ["stor_type"] = "online" });

        Assert.Equal(new[] { "signup.stor_type", "signup.yearly_revenu" }, error.Problems.Select(p => p.Path).OrderBy(path => path, StringComparer.Ordinal));
        Assert.Contains("Did you mean 'store_type'?", error.Problems.Single(p => p.Path == "signup.stor_type").Message);
        Assert.Contains("Did you mean 'revenue.yearly_revenue'?", error.Problems.Single(p => p.Path == "signup.yearly_revenu").Message);
        // An exact name of a nested field is no typo: a master sheet's email column is meant for another cmdlet.
        Assert.Equal(new[] { "email" }, CommonInput(new OrderedDictionary { ["email"] = "a@b.no", ["store_type"] = "online" }).IgnoredKeys);
    }

    [Fact]
    public void Nested_keys_and_strict_binding_refuse_every_unknown_key()
    {
        var nested = Refused(new Hashtable { ["revenue"] = new Hashtable { ["notes"] = "x" } });
        var strict = Assert.Throws<DinteroValidationException>(() => InputBinder.Bind<CommonConnectionSignup>(new Hashtable { ["notes"] = "x" }, "The Common signup", "signup"));

        Assert.Equal("signup.revenue.notes", Assert.Single(nested.Problems).Path);
        Assert.Equal("signup.notes", Assert.Single(strict.Problems).Path);
    }

    [Fact]
    public void The_notice_names_each_ignored_key_once_per_invocation()
    {
        var notice = new IgnoredKeyNotice();

        var first = notice.For(new[] { "organization_number" }, "the Common signup", "New-DinteroCommonConnection");
        var again = notice.For(new[] { "organization_number" }, "the Common signup", "New-DinteroCommonConnection");
        var more = notice.For(new[] { "organization_number", "notes" }, "the Common signup", "New-DinteroCommonConnection");

        Assert.Equal("Ignored the column (or key) 'organization_number': not fields of the Common signup nor parameters of New-DinteroCommonConnection.", first);
        Assert.Null(again);
        Assert.Contains("'notes'", more);
        Assert.DoesNotContain("organization_number", more);
    }

    [Fact]
    public void Bound_input_then_goes_through_the_same_validation_as_typed_input()
    {
        var signup = Common(new Hashtable { ["payment_options"] = new Hashtable { ["type"] = "dintero.zero", ["currencies"] = "nok" }, ["store_type"] = "onlin" });

        var problems = Dintero.Connections.Validation.SignupValidator.Validate(signup);

        Assert.Equal(new[] { "signup.payment_options[0].currencies[0]", "signup.store_type[0]" }, problems.Select(p => p.Path));
    }
}
