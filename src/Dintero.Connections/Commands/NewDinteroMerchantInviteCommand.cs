using System.Management.Automation;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Errors;
using Dintero.Connections.Models;
using Dintero.Connections.Partners;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Invites new merchants to sign up under the connected partner: each invitation is a prefilled signup that Dintero
    /// e-mails to the applicant, who accepts Dintero's terms and creates the account. From a hashtable, an Import-Csv
    /// sheet or JSON, checked like a signup before anything is sent.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DinteroMerchantInvite", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(MerchantInvite))]
    public sealed class NewDinteroMerchantInviteCommand : DinteroBatchCmdlet<MerchantInvite>
    {
        /// <summary>A hashtable, PSCustomObject (Import-Csv, ConvertFrom-Json), JSON text or typed invitation: applicant, company, billing.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public object? Invite { get; set; }

        private protected override string Activity => "Inviting merchants";

        private protected override object? PipelineInput => Invite;

        private protected override BatchCall<MerchantInvite>? Plan(BatchItem item)
        {
            var partnerId = item.PartnerId(MyInvocation.MyCommand.Name);
            var bound = Input.Bind<MerchantInvite>(item.Plain, "the invitation", MerchantInvites.Root);
            var named = !string.IsNullOrWhiteSpace(AccountId) ? AccountId : bound.ParameterValues.TryGetValue(nameof(AccountId), out var fromInput) ? fromInput as string : null;
            var invite = MerchantInvites.Check(bound.Model, partnerId, named);
            // An invitation is the partner's own: its rows name no merchant (one that does is refused above).
            item.UseAccount(partnerId);
            WarnAboutDoubts(item, invite.Doubts);
            var who = $"{invite.Invite.applicant!.email} ({invite.Invite.company!.business_name})";
            return BatchCall.Change($"Invite {who} to sign up under partner {partnerId}; Dintero e-mails the invitation", token => item.Api.CreateMerchantInviteAsync(partnerId, invite, token));
        }
    }
}
