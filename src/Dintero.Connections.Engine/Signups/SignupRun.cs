using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Errors;
using Dintero.Connections.Http;
using Dintero.Connections.Json;
using Dintero.Connections.Kinds;
using Dintero.Connections.Models;

namespace Dintero.Connections.Signups
{
    /// <summary>
    /// The signups of one command, safe to run again: Dintero's signup POST has no idempotency key, so
    /// <list type="bullet">
    /// <item>an account whose connection of the kind is pending or enabled is skipped (<see cref="ExistingConnections"/>),
    /// unless forced; a failed or declined one may be signed up again;</item>
    /// <item>an input that names one account twice sends its first row only (unless forced: then every row is sent as given);</item>
    /// <item>a POST whose answer was lost (the connection dropped, a timeout, a 5xx) is settled by reading the connection
    /// back, never by posting again, and counts as created only when the read-back proves this signup stored
    /// (<see cref="ReadBack"/>).</item>
    /// </list>
    /// -WhatIf asks <see cref="PlanAsync{TConnection}"/>, which decides each row as the run would and sends nothing.
    /// </summary>
    public sealed class SignupRun
    {
        private readonly DinteroClient client;
        private readonly bool force;
        private readonly ExistingConnections existing;
        private readonly ConcurrentDictionary<string, int?> claimed = new ConcurrentDictionary<string, int?>(StringComparer.Ordinal);

        /// <param name="client">The context's client.</param>
        /// <param name="force">Send every row as given (-Force): no check, and an account named twice is sent twice.</param>
        public SignupRun(DinteroClient client, bool force)
        {
            this.client = client ?? throw new ArgumentNullException(nameof(client));
            this.force = force;
            existing = new ExistingConnections(client);
        }

        /// <summary>Requests sent to find existing connections, so far.</summary>
        public int CheckRequests => existing.Requests;

        /// <summary>What the run would do with a row, without sending it (-WhatIf): WouldCreate, or WouldSkip and why.</summary>
        public async Task<SignupOutcome<TConnection>> PlanAsync<TConnection>(ConnectionKind<TConnection> kind, string accountId, int? row, CancellationToken cancellationToken)
            where TConnection : Connection, new()
        {
            var skip = await SkipAsync(kind, accountId, row, RowOutcome.WouldSkip, cancellationToken).ConfigureAwait(false);
            return skip ?? new SignupOutcome<TConnection>(RowOutcome.WouldCreate, accountId, kind.Name, null, null, null);
        }

        /// <summary>Checks, sends once, and settles one signup.</summary>
        /// <param name="kind">The connection's kind.</param>
        /// <param name="accountId">The account, resolved.</param>
        /// <param name="row">The input's row (pipeline item), for the message of a repeat.</param>
        /// <param name="sent">The signup as checked and sent (what a read-back must find); null for a start without a body (Vipps).</param>
        /// <param name="send">The POST (or Vipps's start) itself.</param>
        /// <param name="cancellationToken">The command's stop signal.</param>
        /// <exception cref="DinteroReadBackException">The answer was lost, and reading back showed it was not stored, or could not tell.</exception>
        public async Task<SignupOutcome<TConnection>> SignUpAsync<TConnection>(ConnectionKind<TConnection> kind, string accountId, int? row, DinteroModel? sent, Func<CancellationToken, Task<TConnection>> send, CancellationToken cancellationToken)
            where TConnection : Connection, new()
        {
            var skip = await SkipAsync(kind, accountId, row, RowOutcome.Skipped, cancellationToken).ConfigureAwait(false);
            if (skip != null) return skip;
            var sentAt = client.Now;
            try
            {
                var created = await send(cancellationToken).ConfigureAwait(false);
                return new SignupOutcome<TConnection>(RowOutcome.Created, accountId, kind.Name, created, created.status, null);
            }
            catch (DinteroException lost) when (lost.OutcomeUnknown && !cancellationToken.IsCancellationRequested)
            {
                return await SettleAsync(kind, accountId, sent, sentAt, lost, cancellationToken).ConfigureAwait(false);
            }
        }

        // Null when the row is to be sent; else the skip (or, for a plan, the skip it would be).
        private async Task<SignupOutcome<TConnection>?> SkipAsync<TConnection>(ConnectionKind<TConnection> kind, string accountId, int? row, RowOutcome skipped, CancellationToken cancellationToken)
            where TConnection : Connection, new()
        {
            if (force) return null;
            var key = kind.Name + "/" + accountId;
            if (!claimed.TryAdd(key, row))
            {
                claimed.TryGetValue(key, out var first);
                var earlier = first == null ? "an earlier row" : $"pipeline item {first}";
                return new SignupOutcome<TConnection>(skipped, accountId, kind.Name, null, null, $"the input names account {accountId} more than once; {earlier} sends its {kind.Name} signup");
            }
            var status = await existing.BlockingStatusAsync(kind, accountId, cancellationToken).ConfigureAwait(false);
            return status == null
                ? null
                : new SignupOutcome<TConnection>(skipped, accountId, kind.Name, null, status, $"account {accountId} has a {kind.Name} connection already ({status}); -Force signs it up again");
        }

        private async Task<SignupOutcome<TConnection>> SettleAsync<TConnection>(ConnectionKind<TConnection> kind, string accountId, DinteroModel? sent, DateTimeOffset sentAt, DinteroException lost, CancellationToken cancellationToken)
            where TConnection : Connection, new()
        {
            TConnection? found;
            try
            {
                found = await client.GetConnectionAsync(kind, accountId, cancellationToken).ConfigureAwait(false);
            }
            catch (DinteroApiException none) when (none.StatusCode == 404)
            {
                found = null;
            }
            catch (DinteroException readBack) when (!cancellationToken.IsCancellationRequested)
            {
                throw new DinteroReadBackException(ReadBackFinding.CannotTell,
                    $"{lost.Description} Reading the {kind.Name} connection back failed too ({readBack.ErrorId}): the signup may have been stored; it was not sent again.",
                    Unsettled, lost);
            }
            var sentSignup = sent == null ? null : DinteroJson.ParsePlain(DinteroJson.Serialize(sent)) as IDictionary;
            var judgement = ReadBack.Judge(found, sentSignup, client.ServerClock.ToServerTime(sentAt));
            if (judgement.Stored)
            {
                return new SignupOutcome<TConnection>(RowOutcome.Created, accountId, kind.Name, found, found!.status, $"Dintero's answer was lost; reading the connection back found {judgement.Found}");
            }
            var finding = judgement.Finding!.Value;
            throw finding == ReadBackFinding.NotStored
                ? new DinteroReadBackException(finding, $"{lost.Description} Reading the {kind.Name} connection back found {judgement.Found}: this signup was not stored.",
                    force ? "Send it again with -Force, as this run was: the account's connection was left as it was." : "Run the same input again: it sends this signup.", lost)
                : new DinteroReadBackException(finding, $"{lost.Description} Reading the {kind.Name} connection back found {judgement.Found}: it cannot be told whether this signup was stored, so it was not sent again.",
                    Unsettled, lost);
        }

        private const string Unsettled = "Read the connection with Get-DinteroConnection (Format-List shows its signup and events) before sending this signup again.";
    }
}
