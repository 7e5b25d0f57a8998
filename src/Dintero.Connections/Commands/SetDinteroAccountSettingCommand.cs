using System.Management.Automation;
using Dintero.Connections.Binding;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Errors;
using Dintero.Connections.Http;
using Dintero.Connections.Models;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Changes fields of an account's company, such as the organization number the Common signup needs.
    /// Dintero's PUT replaces the whole company, so the engine reads the current company first and changes only the
    /// fields given here. Each field of the company has a parameter that binds a sheet's column of its name (the address
    /// as JSON text): Get-DinteroSignupTemplate -Kind AccountSetting is the sheet it takes.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "DinteroAccountSetting", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(AccountSettings))]
    public sealed class SetDinteroAccountSettingCommand : DinteroRecordCmdlet<AccountSettings>
    {

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
        [Alias("terms_url")]
        public string? TermsUrl { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Email { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("technical_email")]
        public string? TechnicalEmail { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("phone_number")]
        public string? PhoneNumber { get; set; }

        /// <summary>The company address as a hashtable (address_line, postal_code, postal_place, country).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object? Address { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected override string Activity => "Changing account settings";

        // Without -PassThru only errors are written.
        private protected override void WriteResult(AccountSettings result, BatchItem item)
        {
            if (PassThru) base.WriteResult(result, item);
        }

        private protected override BatchCall<AccountSettings>? Plan(BatchItem item)
        {
            var accountId = item.ResolveAccount();
            var changes = Changes();
            var fields = CompanyChanges.Checked(changes);
            return BatchCall.Change($"Set the company's {string.Join(", ", fields)}", token => item.Api.ChangeCompanyAsync(accountId, changes, token));
        }

        private AccountCompany Changes()
        {
            var changes = Company == null ? new AccountCompany() : InputBinder.Bind<AccountCompany>(PowerShellInput.ToPlain(Company), "The company", "company");
            if (Address != null) changes.address = InputBinder.Bind<Address>(PowerShellInput.ToPlain(Address), "The address", "company.address");
            changes.organization_number = OrganizationNumber ?? changes.organization_number;
            changes.business_name = BusinessName ?? changes.business_name;
            changes.display_name = DisplayName ?? changes.display_name;
            changes.website = Website ?? changes.website;
            changes.terms_url = TermsUrl ?? changes.terms_url;
            changes.email = Email ?? changes.email;
            changes.technical_email = TechnicalEmail ?? changes.technical_email;
            changes.phone_number = PhoneNumber ?? changes.phone_number;
            return changes;
        }
    }
}
