using System.Management.Automation;
using Dintero.Connections.Completion;
using Dintero.Connections.Templates;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Writes the sheet a partner fills in for a kind of signup, as one object: account_id, then every column the kind's
    /// cmdlet takes from a row, each with an example value, so that <c>| Export-Csv</c> is the file to fill in Excel. The
    /// engine makes the row (Templates/SignupTemplate); this writes it. Sends nothing: no connection needed.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DinteroSignupTemplate")]
    [OutputType(typeof(PSObject))]
    public sealed class GetDinteroSignupTemplateCommand : DinteroCmdlet
    {
        /// <summary>The type name the template is written under, for views and for scripts that tell it apart.</summary>
        public const string TypeName = "Dintero.Connections.SignupTemplate";

        /// <summary>The kind: a connection kind (Common, Bambora, ...), AccountSetting, PaymentApproval or PayoutDestination.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateTemplateKind]
        [ArgumentCompleter(typeof(TemplateKindCompleter))]
        public string Kind { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            var template = new PSObject();
            template.TypeNames.Insert(0, TypeName);
            foreach (var cell in SignupTemplate.Row(TemplateKinds.Named(Kind))) template.Properties.Add(new PSNoteProperty(cell.Key, cell.Value));
            WriteObject(template);
        }
    }
}
