using System.Collections.Generic;
using System.Linq;
using Dintero.Connections.Models;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Partners
{
    /// <summary>
    /// A prefilled signup checked once (<see cref="Check(MerchantInvite, string, string)"/>): only a <see cref="CheckedInvite"/> can be sent. When no
    /// billing is given, it is the company's name, organization number, address and e-mail, since Dintero requires a
    /// billing and most merchants are billed at their company's address.
    /// </summary>
    public static class MerchantInvites
    {
        public const string Root = "invite";

        /// <summary>
        /// The invitation a partner sends, checked: <paramref name="namedAccount"/> is the account the row names, if any
        /// (its account_id, or -AccountId). A row that names a merchant's account is a merchant that has one already, and
        /// an invitation would e-mail them again, so it is refused. The input is left as it was: billing is filled in on a copy.
        /// </summary>
        /// <exception cref="Errors.DinteroValidationException">Every problem at once; nothing may be sent.</exception>
        public static CheckedInvite Check(MerchantInvite invite, string partnerId, string? namedAccount)
        {
            var problems = SignupValidator.Validate(invite, Root).ToList();
            if (!string.IsNullOrWhiteSpace(namedAccount) && namedAccount!.Trim() != partnerId)
            {
                problems.Insert(0, new ValidationProblem("account_id", $"names account {namedAccount.Trim()}: that merchant has an account already, so no invitation is sent. Invitations are for merchants without one; the partner {partnerId} sends them."));
            }
            SignupValidator.ThrowIfInvalid(problems, "The invitation");
            return Check(Json.DinteroJson.Deserialize<MerchantInvite>(Json.DinteroJson.Serialize(invite)));
        }

        /// <exception cref="Errors.DinteroValidationException">Every problem at once; nothing may be sent.</exception>
        public static CheckedInvite Check(MerchantInvite invite)
        {
            SignupValidator.ThrowIfInvalid(SignupValidator.Validate(invite, Root), "The invitation");
            var company = invite.company!;
            invite.billing ??= new AccountBilling
            {
                business_name = company.business_name,
                organization_number = company.organization_number,
                address = company.address,
                email = company.email,
            };
            return new CheckedInvite(invite);
        }

        /// <summary>The phone numbers and e-mail are not secret; nothing of an invitation is masked beyond the usual shapes.</summary>
        internal static IReadOnlyCollection<string> SensitiveValues => System.Array.Empty<string>();
    }

    /// <summary>An invitation that passed the rules, ready to send.</summary>
    public sealed class CheckedInvite
    {
        internal CheckedInvite(MerchantInvite invite)
        {
            Invite = invite;
            Doubts = DoubtfulValues.Of(invite, MerchantInvites.Root);
        }

        public MerchantInvite Invite { get; }

        /// <summary>Values that pass the rules but would likely stall the invitation, such as an e-mail without '@': warnings.</summary>
        public IReadOnlyList<ValidationProblem> Doubts { get; }
    }
}
