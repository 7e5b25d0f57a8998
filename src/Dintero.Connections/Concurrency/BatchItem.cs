using System;
using Dintero.Connections.Errors;
using Dintero.Connections.Http;
using Dintero.Connections.Rows;
using Dintero.Connections.Session;

namespace Dintero.Connections.Concurrency
{
    /// <summary>
    /// One pipeline record of an API cmdlet (<see cref="Commands.DinteroBatchCmdlet{TResult}"/>): the object as given,
    /// its position, the context it runs in, and the account it is for (<see cref="RowAccount"/>, decided for every
    /// record by the base before the cmdlet plans it). What its errors say about it comes from here.
    /// </summary>
    internal sealed class BatchItem
    {
        private object? plain;
        private bool plainMade;

        /// <param name="input">The object as given, kept as the record's input; null when all came by parameter.</param>
        /// <param name="index">Its position among the pipeline records, from 0; null when there is no pipeline input.</param>
        /// <param name="context">The context its calls use.</param>
        /// <param name="account">Which account the record is for, or why it has none.</param>
        public BatchItem(object? input, int? index, DinteroContext context, RowAccount account)
        {
            Input = input;
            Index = index;
            Context = context;
            Account = account;
        }

        public object? Input { get; }

        /// <summary>The input unwrapped once into plain dictionaries and lists (<see cref="Binding.PowerShellInput"/>), for the binder and the report.</summary>
        public object? Plain
        {
            get
            {
                if (!plainMade)
                {
                    plain = Binding.PowerShellInput.ToPlain(Input);
                    plainMade = true;
                }
                return plain;
            }
        }

        public int? Index { get; }

        public DinteroContext Context { get; }

        /// <summary>The engine's client for the context; read inside a call, on any thread.</summary>
        public DinteroApi Api => Context.GetApi();

        /// <summary>Which account the record is for, as the rule decided it.</summary>
        public RowAccount Account { get; }

        /// <summary>What the record asks a creator for, as soon as it is known (before its checks), for its report row; null before.</summary>
        public object? Asked { get; set; }

        /// <summary>The account the record is for, once <see cref="ResolveAccount"/> (or <see cref="UseAccount"/>) ran.</summary>
        public string? AccountId { get; private set; }

        /// <summary>What a report row says the record was for: the account, else what the record named, malformed or not.</summary>
        public string? AccountShown => AccountId ?? Account.AccountId ?? Account.Named;

        /// <summary>The account the record is for.</summary>
        /// <exception cref="DinteroValidationException">The record names no account where it must, or a malformed one: nothing is sent for it.</exception>
        public string ResolveAccount()
        {
            if (AccountId != null) return AccountId;
            if (Account.Problem != null) throw new DinteroValidationException(Label == null ? "The input" : "The row", new[] { Account.Problem });
            return AccountId = Account.AccountId!;
        }

        /// <summary>
        /// True when a report over merchants was asked of a partner's whole book: the one record by parameter, no -AccountId
        /// given, connected as a partner. Such a command reads every merchant (Engine's WholeBook) as records of their own.
        /// </summary>
        /// <param name="accountIdGiven">The command's -AccountId.</param>
        public bool AsksForWholeBook(string? accountIdGiven) => Index == null && string.IsNullOrWhiteSpace(accountIdGiven) && Context.IsPartner;

        /// <summary>The connected partner's account, for what only a partner does (its merchants, its invitations).</summary>
        /// <param name="command">The cmdlet, for the refusal.</param>
        /// <exception cref="DinteroAccessException">Not connected as a partner: nothing of the command can run (Dintero.NotPartner ends it).</exception>
        public string PartnerId(string command) =>
            Context.IsPartner ? Context.AccountId : throw Partners.PartnerOnly.Refusal(command, Context.AccountId);

        /// <summary>
        /// The account the record turned out to be for once its call was planned, when that is not <see cref="ResolveAccount"/>'s
        /// (Invoke-DinteroRequest's path names it): its token, and what its errors name.
        /// </summary>
        public void UseAccount(string accountId) => AccountId = accountId;

        /// <summary>What -WhatIf and -Confirm name: the account and whether it is test or production.</summary>
        public string Target => $"Dintero account {AccountId ?? Context.AccountId} ({Context.Environment})";

        /// <summary>What the error view prints as the target: never the input's text (<see cref="ErrorReport.TargetName"/>).</summary>
        public string TargetName => ErrorReport.TargetName(Index, AccountShown);

        /// <summary>Put before an error's message; only pipeline input needs telling apart ("Pipeline item 3" is the fourth record).</summary>
        public string? Label => Index == null ? null : $"Pipeline item {Index}";

        /// <summary>
        /// What a script gets back from a failed record as the error's TargetObject: the record with its personal numbers
        /// masked (<see cref="Binding.SafeRecord"/>), which a later run takes back as input; an input without columns (an id,
        /// a path) as it is; for input by parameter, the account.
        /// </summary>
        public object? TargetOf(Exception failure) => Input == null ? AccountShown : Binding.SafeRecord.Of(Plain, AccountShown) ?? Input;
    }
}
