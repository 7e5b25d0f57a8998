using System.Management.Automation;
using Dintero.Connections.Errors;
using Dintero.Connections.Models;

namespace Dintero.Connections.Commands
{
    /// <summary>Gets an account's settings: its company (with the organization number) and its connections' state.</summary>
    [Cmdlet(VerbsCommon.Get, "DinteroAccountSetting")]
    [OutputType(typeof(AccountSettings))]
    public sealed class GetDinteroAccountSettingCommand : DinteroApiCmdlet
    {
        protected override void ProcessRecord()
        {
            var context = RequireContext();
            try
            {
                var accountId = ResolveAccountId(context);
                var client = context.GetClient();
                WriteObject(Run(token => client.GetAccountSettingsAsync(accountId, token)));
            }
            catch (DinteroException exception)
            {
                WriteError(ToErrorRecord(exception, AccountId ?? context.AccountId));
            }
        }
    }
}
