using System.Management.Automation;
using Dintero.Connections.Models;
using Dintero.Connections.Output;
using Dintero.Connections.Session;

namespace Dintero.Connections.Commands
{
    /// <summary>Gets an account's settings: its company (with the organization number) and its connections' state.</summary>
    [Cmdlet(VerbsCommon.Get, "DinteroAccountSetting")]
    [OutputType(typeof(AccountSettings))]
    public sealed class GetDinteroAccountSettingCommand : DinteroApiCmdlet
    {
        private PipelineBatch<AccountSettings>? batch;

        protected override void BeginProcessing()
        {
            var activity = MyInvocation.ExpectingInput ? "Reading account settings" : null;
            batch = new PipelineBatch<AccountSettings>(this, ThrottleLimit, activity, Cancellation);
        }

        protected override void ProcessRecord()
        {
            var context = RequireContext();
            var item = NextItem();
            var accountId = ResolveAccountId(context);
            item.AccountId = accountId;
            batch!.Add(token => context.GetClient().GetAccountSettingsAsync(accountId, token), item);
        }

        protected override void EndProcessing() => batch!.Drain();
    }
}
