using System.Management.Automation;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Models;
using Dintero.Connections.Partners;
using Dintero.Connections.Readiness;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Who of the merchants takes payments, and why not: one row per merchant (each connection's status, whether an API
    /// client with a checkout grant exists, which enabled payment types the default profile has off, and the verdict with
    /// the missing steps named), judged by the engine's ReadinessCheck. Run by a partner with no -AccountId and nothing
    /// piped in, it covers every merchant of the partner, streamed as their pages come; else the accounts piped in (from
    /// Get-DinteroAccount or a sheet) or the one given. A step that could not be read is warned about, and the row says Unknown.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DinteroMerchantReadiness")]
    [OutputType(typeof(MerchantReadiness))]
    public sealed class GetDinteroMerchantReadinessCommand : DinteroRecordCmdlet<ReadinessOutcome>
    {
        private const string UnreadableCondition = "Merchants with a step that could not be read (verdict Unknown)";

        private protected override string Activity => "Checking merchants' readiness";

        private protected override BatchCall<ReadinessOutcome>? Plan(BatchItem item)
        {
            // A partner's whole book, by parameter with no -AccountId: each merchant a record, as if piped in.
            if (item.AsksForWholeBook(AccountId)) return BatchCall.EachOf<ReadinessOutcome>(WholeBook.Merchants(item.Api, item.Context.AccountId));
            var accountId = item.ResolveAccount();
            var check = new ReadinessCheck(item.Api);
            return BatchCall.Read(token => check.CheckAsync(accountId, token));
        }

        private protected override void WriteResult(ReadinessOutcome outcome, BatchItem item)
        {
            foreach (var reason in outcome.Unreadable) WriteRepeatedWarning(UnreadableCondition, $"{outcome.Row.account_id}: {reason}");
            WriteObject(outcome.Row);
        }
    }
}
