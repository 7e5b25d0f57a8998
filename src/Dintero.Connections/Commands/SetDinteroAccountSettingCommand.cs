using System.Management.Automation;
using Dintero.Connections.Binding;
using Dintero.Connections.Errors;
using Dintero.Connections.Models;
using Dintero.Connections.Output;
using Dintero.Connections.Session;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Changes fields of an account's company, such as the organization number the Common signup needs.
    /// Dintero's PUT replaces the whole company, so the current company is read first and only the fields given
    /// here are changed.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "DinteroAccountSetting", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(AccountSettings))]
    public sealed class SetDinteroAccountSettingCommand : DinteroApiCmdlet
    {
        private PipelineBatch<AccountSettings>? batch;

        /// <summary>Company fields as a hashtable or object (business_name, organization_number, address, ...).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object? Company { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("organization_number")]
        public string? OrganizationNumber { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("business_name")]
        public string? BusinessName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("display_name")]
        public string? DisplayName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Website { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Email { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("phone_number")]
        public string? PhoneNumber { get; set; }

        /// <summary>The company address as a hashtable (address_line, postal_code, postal_place, country).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object? Address { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            var activity = MyInvocation.ExpectingInput ? "Changing account settings" : null;
            batch = new PipelineBatch<AccountSettings>(this, ThrottleLimit, activity, Cancellation, writeResults: PassThru);
        }

        protected override void ProcessRecord()
        {
            var context = RequireContext();
            var item = NextItem();
            var accountId = ResolveAccountId(context);
            item.AccountId = accountId;
            AccountCompany changes;
            string[] fields;
            try
            {
                changes = Changes();
                fields = AccountCompanyChanges.FieldsSet(changes);
                if (fields.Length == 0)
                {
                    throw new DinteroValidationException("The account settings", new[]
                    {
                        new Validation.ValidationProblem("company", "Nothing to change: give -OrganizationNumber, -BusinessName, -Company or another company field."),
                    });
                }
            }
            catch (DinteroValidationException exception)
            {
                batch!.AddFailure(exception, item);
                return;
            }
            if (!ShouldProcess($"Dintero account {accountId} ({context.Environment})", $"Set the company's {string.Join(", ", fields)}")) return;

            batch!.Add(async token =>
            {
                var client = context.GetClient();
                var current = await client.GetAccountSettingsAsync(accountId, token).ConfigureAwait(false);
                return await client.UpdateAccountSettingsAsync(accountId, AccountCompanyChanges.Apply(current.company, changes), token).ConfigureAwait(false);
            }, item);
        }

        protected override void EndProcessing() => batch!.Drain();

        private AccountCompany Changes()
        {
            var changes = Company == null ? new AccountCompany() : InputBinder.Bind<AccountCompany>(PowerShellInput.ToPlain(Company), "The company", "company");
            if (Address != null) changes.address = InputBinder.Bind<Address>(PowerShellInput.ToPlain(Address), "The address", "company.address");
            changes.organization_number = OrganizationNumber ?? changes.organization_number;
            changes.business_name = BusinessName ?? changes.business_name;
            changes.display_name = DisplayName ?? changes.display_name;
            changes.website = Website ?? changes.website;
            changes.email = Email ?? changes.email;
            changes.phone_number = PhoneNumber ?? changes.phone_number;
            return changes;
        }
    }
}
