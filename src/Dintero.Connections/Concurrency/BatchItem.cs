using System;
using System.Globalization;
using Dintero.Connections.Errors;
using Dintero.Connections.Http;
using Dintero.Connections.Session;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Concurrency
{
    /// <summary>
    /// One pipeline record of an API cmdlet (<see cref="Commands.DinteroBatchCmdlet{TResult}"/>): the object as given,
    /// its position, the context it runs in, and once resolved, the account it is for. What its errors say about it
    /// comes from here.
    /// </summary>
    internal sealed class BatchItem
    {
        private readonly string? accountParameter;

        /// <param name="input">The object as given, kept whole as the errors' TargetObject; null when all came by parameter.</param>
        /// <param name="index">Its position among the pipeline records, from 0; null when there is no pipeline input.</param>
        /// <param name="context">The context its calls use.</param>
        /// <param name="accountParameter">-AccountId as bound for this record (by parameter or by property name), unchecked.</param>
        public BatchItem(object? input, int? index, DinteroContext context, string? accountParameter)
        {
            Input = input;
            Index = index;
            Context = context;
            this.accountParameter = accountParameter;
        }

        public object? Input { get; }

        public int? Index { get; }

        public DinteroContext Context { get; }

        /// <summary>The engine's client for the context; read inside a call, on any thread.</summary>
        public DinteroClient Client => Context.GetClient();

        /// <summary>The account the record is for, once <see cref="ResolveAccount"/> ran; null before, or when it was malformed.</summary>
        public string? AccountId { get; private set; }

        /// <summary>
        /// The account the record is for: -AccountId (given, or bound from the record's <c>account_id</c>), else the one
        /// the input names (<paramref name="fromInput"/>: a hashtable's <c>account_id</c> key), else the context's. Checked
        /// here rather than when PowerShell binds it, so that a malformed id is this record's own error, under its number.
        /// </summary>
        /// <exception cref="DinteroValidationException">The account id is malformed.</exception>
        public string ResolveAccount(object? fromInput = null)
        {
            if (AccountId != null) return AccountId;
            var given = !string.IsNullOrWhiteSpace(accountParameter) ? accountParameter : Convert.ToString(fromInput, CultureInfo.InvariantCulture);
            if (string.IsNullOrWhiteSpace(given)) return AccountId = Context.AccountId;
            return AccountId = AccountIdFormat.Checked(given!.Trim(), "AccountId");
        }

        /// <summary>
        /// The account the record turned out to be for once its call was planned, when that is not <see cref="ResolveAccount"/>'s
        /// (Invoke-DinteroRequest's path names it): its token, and what its errors name.
        /// </summary>
        public void UseAccount(string accountId) => AccountId = accountId;

        /// <summary>What -WhatIf and -Confirm name: the account and whether it is test or production.</summary>
        public string Target => $"Dintero account {AccountId ?? Context.AccountId} ({Context.Environment})";

        /// <summary>What the error view prints as the target: never the input's text (<see cref="ErrorReport.TargetName"/>).</summary>
        public string TargetName => ErrorReport.TargetName(Index, AccountId);

        /// <summary>Put before an error's message; only pipeline input needs telling apart ("Pipeline item 3" is the fourth record).</summary>
        public string? Label => Index == null ? null : $"Pipeline item {Index}";

        /// <summary>What a script gets back from a failed record: its input, else what the failure carries, else the account as given.</summary>
        public object? TargetOf(Exception failure) =>
            Input ?? (failure as DinteroWaitException)?.Connection ?? (object?)AccountId ?? accountParameter;
    }
}
