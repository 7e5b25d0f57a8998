using System.Management.Automation;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Models;

namespace Dintero.Connections.Commands
{
    /// <summary>Gets an account's settings: its company (with the organization number) and its connections' state.</summary>
    [Cmdlet(VerbsCommon.Get, "DinteroAccountSetting")]
    [OutputType(typeof(AccountSettings))]
    public sealed class GetDinteroAccountSettingCommand : DinteroRecordCmdlet<AccountSettings>
    {
        private protected override string Activity => "Reading account settings";

        private protected override BatchCall<AccountSettings>? Plan(BatchItem item)
        {
            var accountId = item.ResolveAccount();
            return BatchCall.Read(token => item.Api.GetAccountSettingsAsync(accountId, token));
        }
    }
}
