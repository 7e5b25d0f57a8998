using System.Collections.Generic;
using Dintero.Connections.Models;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Partners
{
    /// <summary>
    /// A prefilled signup checked once (<see cref="Check"/>): only a <see cref="CheckedInvite"/> can be sent. When no
    /// billing is given, it is the company's name, organization number, address and e-mail, since Dintero requires a
    /// billing and most merchants are billed at their company's address.
    /// </summary>
    public static class MerchantInvites
    {
        public const string Root = "invite";

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
