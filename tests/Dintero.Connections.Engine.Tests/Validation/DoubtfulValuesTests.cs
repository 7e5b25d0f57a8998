using Dintero.Connections.Models;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Engine.Tests.Validation;

/// <summary>Values Dintero leaves free that would stall onboarding: warned about, by field, never refused, never repeated.</summary>
public sealed class DoubtfulValuesTests
{
    [Fact]
    public void An_e_mail_without_at_and_a_URL_that_is_not_absolute_http_are_named_by_their_path()
    {
        var signup = new CommonConnectionSignup
        {
            signature = new Signature { signatures = new() { new Signatory { name = "Ola", email = "ola.example.com" }, new Signatory { name = "Kari", email = "kari@example.com" } } },
            verifications = new Verifications { payment_site_url = "shop.example", terms_and_conditions_url = "https://shop.example/terms", demo_site_url = "ftp://demo.example" },
        };

        var doubts = DoubtfulValues.Of(signup, "signup");

        Assert.Equal(new[] { "signup.verifications.payment_site_url", "signup.verifications.demo_site_url", "signup.signature.signatures[0].email" }, doubts.Select(d => d.Path));
        Assert.DoesNotContain(doubts, d => d.Message.Contains("ola.example.com"));
        Assert.Contains("signing link", doubts.Single(d => d.Path.EndsWith("email")).Message);
    }

    [Theory]
    [InlineData("<string>")]
    [InlineData("ola @example.com")]
    [InlineData("ola@")]
    [InlineData("@example.com")]
    [InlineData("a@b@example.com")]
    public void Doubtful_e_mail_addresses(string address) =>
        Assert.Single(DoubtfulValues.Of(new Signatory { name = "x", email = address }, "s"));

    [Theory]
    [InlineData("ola@example.com")]
    [InlineData("  ola.nordmann+shop@butikk.no ")]
    [InlineData("")]
    public void Plausible_or_empty_e_mail_addresses_pass(string address) =>
        Assert.Empty(DoubtfulValues.Of(new Signatory { name = "x", email = address }, "s"));
}
