using System.Linq;
using System.Management.Automation;
using Dintero.Connections.Checkout;
using Dintero.Connections.Completion;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Models;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Switches payment types on or off in a checkout payment profile (by default <c>default</c>) without retyping the rest:
    /// the profile is read, the switches changed, and the whole profile put back, as Dintero's PUT takes it. A profile that
    /// has the switches already is left as it is, and nothing is sent: running it again changes nothing.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "DinteroPaymentProfile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PaymentProfile))]
    public sealed class SetDinteroPaymentProfileCommand : DinteroRecordCmdlet<ProfileChange>
    {
        /// <summary>The profile; default, the one a shop's checkout uses unless it names another.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("profile_id")]
        [ValidateNotNullOrEmpty]
        public string ProfileId { get; set; } = Readiness.ReadinessCheck.DefaultProfile;

        /// <summary>Payment types to switch on, e.g. vipps, bambora.creditcard.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(PaymentTypeCompleter))]
        public string[]? Enable { get; set; }

        /// <summary>Payment types to switch off.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(PaymentTypeCompleter))]
        public string[]? Disable { get; set; }

        /// <summary>Writes the profile, changed or as it was.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected override string Activity => "Switching payment types";

        private protected override BatchCall<ProfileChange>? Plan(BatchItem item)
        {
            var accountId = item.ResolveAccount();
            var switches = ProfileSwitches.Checked(Enable, Disable);
            var api = item.Api;
            var profileId = ProfileId.Trim();
            return BatchCall.Change($"Switch {switches} in payment profile {profileId}", token => switches.ApplyAsync(api, accountId, profileId, token));
        }

        private protected override void WriteResult(ProfileChange change, BatchItem item)
        {
            if (change.AllActive) WriteRepeatedWarning("Profiles with active_payment_types on", $"Payment profile {change.Profile.profile_id} of {change.Profile.account_id} has active_payment_types on, which the module reads as showing every active payment type whatever its own switch (uncertain: see docs/guides/go-live.md).");
            if (!change.Changed) WriteVerbose($"{change.Profile.account_id}: payment profile {change.Profile.profile_id} has {change.Switches} already; nothing was sent.");
            if (PassThru) WriteObject(change.Profile);
        }
    }
}
