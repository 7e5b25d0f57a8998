using System;
using System.Management.Automation;
using Dintero.Connections.Models;
using Dintero.Connections.Partners;
using Dintero.Connections.Session;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Gets the partner's links to Dintero's onboarding form, one per signup reference (the partner's own key for the
    /// merchant, which comes back on the account Dintero creates). Nothing is sent: the link is Dintero's documented
    /// URL, for the connected partner or the one given with -PartnerId.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DinteroOnboardingLink")]
    [OutputType(typeof(OnboardingLink))]
    public sealed class GetDinteroOnboardingLinkCommand : DinteroCmdlet
    {
        /// <summary>The partner's own keys for the merchants, e.g. a sheet's merchant numbers; none for a plain link.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("signup_reference")]
        public string[]? SignupReference { get; set; }

        /// <summary>The prefill form, which the partner fills in for the merchant, instead of the merchant's own form.</summary>
        [Parameter]
        public SwitchParameter Prefilled { get; set; }

        /// <summary>The partner account, e.g. T11200000; default: the connected one.</summary>
        [Parameter]
        public string? PartnerId { get; set; }

        /// <summary>A context from Connect-Dintero -PassThru, instead of the session's.</summary>
        [Parameter]
        public DinteroContext? Context { get; set; }

        protected override void ProcessRecord()
        {
            var partnerId = PartnerId?.Trim() ?? (Context ?? RunspaceSession.Current.Context)?.AccountId;
            if (partnerId == null || !AccountIdFormat.IsPartner(partnerId))
            {
                Terminate(PartnerOnly.Refusal("Onboarding links", partnerId), partnerId, Errors.ErrorReport.TargetName(null, partnerId));
            }
            foreach (var reference in SignupReference ?? new string?[] { null })
            {
                WriteObject(OnboardingLinks.For(partnerId!, reference, Prefilled));
            }
        }
    }
}
