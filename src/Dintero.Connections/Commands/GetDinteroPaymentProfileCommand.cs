using System.Management.Automation;
using Dintero.Connections.Concurrency;
using Dintero.Connections.Models;
using Dintero.Connections.Paging;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Gets an account's checkout payment profiles from Dintero's checkout API (page by page), or one by -ProfileId (every
    /// account has <c>default</c>), each with the payment types it switches on (<c>enabled_types</c>).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "DinteroPaymentProfile")]
    [OutputType(typeof(PaymentProfile))]
    public sealed class GetDinteroPaymentProfileCommand : DinteroRecordCmdlet<PaymentProfile>
    {
        /// <summary>One profile by its profile_id, e.g. default; else every profile of the account.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("profile_id")]
        [ValidateNotNullOrEmpty]
        public string? ProfileId { get; set; }

        /// <summary>How many profiles each request asks for, in Dintero's page sizes (<see cref="Paging.CursorPaging.MaxLimit"/>).</summary>
        [Parameter]
        [ValidateRange(1, CursorPaging.MaxLimit)]
        public int PageSize { get; set; } = CursorPaging.MaxLimit;

        private protected override string Activity => "Reading payment profiles";

        private protected override BatchCall<PaymentProfile>? Plan(BatchItem item)
        {
            var accountId = item.ResolveAccount();
            if (ProfileId != null) return BatchCall.Read(token => item.Api.GetPaymentProfileAsync(accountId, ProfileId, token));
            return BatchCall.Pages((cursor, token) => item.Api.ListPaymentProfilesAsync(accountId, PageSize, cursor, token));
        }
    }
}
