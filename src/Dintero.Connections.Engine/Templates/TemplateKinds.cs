using System.Collections.Generic;
using System.Linq;
using Dintero.Connections.Errors;
using Dintero.Connections.Http;
using Dintero.Connections.Kinds;
using Dintero.Connections.Models;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Templates
{
    /// <summary>
    /// Every kind of sheet Get-DinteroSignupTemplate makes, the one list of them: each connection kind of
    /// <see cref="ConnectionKinds.All"/> (checked as its New-Dintero*Connection checks it), the account's company as
    /// Set-DinteroAccountSetting takes it, and the two approvals. -Kind's completion and check come from <see cref="Names"/>.
    /// </summary>
    public static class TemplateKinds
    {
        public static readonly TemplateKind<CommonConnectionSignup> Common = Signup(ConnectionKinds.Common);

        public static readonly TemplateKind<BamboraConnectionSignup> Bambora = Signup(ConnectionKinds.Bambora, KnownValues.BamboraPaymentOptionTypes[0]);

        public static readonly TemplateKind<CollectorConnectionSignup> Collector = Signup(ConnectionKinds.Collector, KnownValues.CollectorPaymentOptionTypes[0]);

        public static readonly TemplateKind<InstabankConnectionSignup> Instabank = Signup(ConnectionKinds.Instabank, KnownValues.InstabankPaymentOptionTypes[0]);

        public static readonly TemplateKind<PayExConnectionSignup> PayEx = Signup(ConnectionKinds.PayEx, KnownValues.PayExPaymentOptionTypes[0]);

        /// <summary>Swish pays in Swedish kronor, to a Swedish company.</summary>
        public static readonly TemplateKind<SwishConnectionSignup> Swish = Signup(ConnectionKinds.Swish, KnownValues.SwishPaymentOptionTypes[0],
            new Dictionary<string, string> { ["currencies"] = "SEK", ["organization_number"] = "5561234567" });

        /// <summary>Vipps takes no signup body: its sheet is the account alone (New-DinteroVippsConnection starts the signup).</summary>
        public static readonly TemplateKind Vipps = new TemplateKind(ConnectionKinds.Vipps.Name);

        /// <summary>
        /// The account's company as Set-DinteroAccountSetting reads a row: each top-level field by the parameter of its name
        /// (the address as JSON text), checked as the cmdlet checks the fields it sets.
        /// </summary>
        public static readonly TemplateKind<AccountCompany> AccountSetting = new TemplateKind<AccountCompany>(
            "AccountSetting", "company", TemplateLayout.Parameters, company => CompanyChanges.Checked(company));

        /// <summary>An application for payments, checked as New-DinteroPaymentApproval checks it.</summary>
        public static readonly TemplateKind<PaymentApprovalSignup> PaymentApproval = new TemplateKind<PaymentApprovalSignup>(
            Approvals.ApprovalKinds.PaymentApproval, Approvals.ApprovalChecks.ApprovalRoot, TemplateLayout.Fields, approval => Approvals.ApprovalChecks.Check(approval));

        /// <summary>A seller approval (payout destination), checked as New-DinteroPayoutDestination checks it.</summary>
        public static readonly TemplateKind<PayoutDestinationSignup> PayoutDestination = new TemplateKind<PayoutDestinationSignup>(
            Approvals.ApprovalKinds.PayoutDestination, Approvals.ApprovalChecks.SellerRoot, TemplateLayout.Fields, seller => Approvals.ApprovalChecks.Check(seller));

        /// <summary>Every kind, the connection kinds first in <see cref="ConnectionKinds.All"/>'s order.</summary>
        public static readonly IReadOnlyList<TemplateKind> All = new TemplateKind[]
        {
            Common, Bambora, Collector, Instabank, PayEx, Swish, Vipps, AccountSetting, PaymentApproval, PayoutDestination,
        };

        /// <summary>The kinds' names, in <see cref="All"/>'s order: what -Kind takes.</summary>
        public static readonly IReadOnlyList<string> Names = All.Select(kind => kind.Name).ToArray();

        /// <summary>The kind named <paramref name="name"/> (any case, '_' and '-' aside), or a validation error that names the nearest.</summary>
        public static TemplateKind Named(string? name)
        {
            var kind = All.FirstOrDefault(candidate => FieldNameComparer.Instance.Equals(candidate.Name, name?.Trim()));
            if (kind != null) return kind;
            throw new DinteroValidationException("The template kind", new[] { new ValidationProblem("Kind", Suggestions.NotOneOf(name, Names, "template kind")) });
        }

        // A connection kind's sheet: its signup, bound under signup and checked by the kind's own Check, as its cmdlet does.
        private static TemplateKind<TSignup> Signup<TSignup, TConnection>(SignupKind<TSignup, TConnection> kind, string? paymentOptionType = null, Dictionary<string, string>? examples = null)
            where TSignup : DinteroModel, new()
            where TConnection : Connection, new()
        {
            examples ??= new Dictionary<string, string>();
            if (paymentOptionType != null) examples[nameof(PaymentOption) + "." + nameof(PaymentOption.type)] = paymentOptionType;
            return new TemplateKind<TSignup>(kind.Name, SignupValidator.Root, TemplateLayout.Fields, signup => kind.Check(signup), examples);
        }
    }
}
