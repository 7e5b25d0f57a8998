using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Errors;
using Dintero.Connections.Http;
using Dintero.Connections.Models;
using Dintero.Connections.Signups;

namespace Dintero.Connections.Clients
{
    /// <summary>
    /// New-DinteroApiClient's two steps for each merchant, safe to run again, and never leaving a client without a grant:
    /// <list type="number">
    /// <item><c>POST .../auth/clients</c> with a client_id made of the name and the account (<see cref="ApiClientRequest.ClientIdFor"/>).
    /// Dintero refuses a client_id that is taken, so a second run's POST finds the first run's client: one that has the
    /// grant asked for is skipped; one without a grant (left by a run that died between the steps, its secret gone with it)
    /// is deleted and made again. A lost answer (which held the secret, shown once) is settled by reading back: a client
    /// made is deleted, since its secret can never be had, and the row fails, to be run again.</item>
    /// <item><c>POST .../auth/client-grants</c> naming the client's <c>id</c>, for the account's URL, with the scopes asked
    /// for. If it fails, the client is deleted and the error says so; a lost answer is read back first.</item>
    /// </list>
    /// An input naming an account twice with one name sends its first row only. -Force sends every row, with a client_id of
    /// Dintero's: another client of that name is made whatever exists.
    /// </summary>
    public sealed class ApiClientSetup
    {
        /// <summary>The field of Dintero's answer that holds the secret, at its top level (docs.dintero.com, Create client, 2026).</summary>
        public const string SecretField = "client_secret";

        private const string SecretShownOnce = "Dintero shows a client's secret in the answer that makes it, and never again";
        private readonly DinteroClient client;
        private readonly bool force;
        private readonly ConcurrentDictionary<string, int?> claimed = new ConcurrentDictionary<string, int?>(StringComparer.Ordinal);

        /// <param name="client">The context's client.</param>
        /// <param name="force">Make every row's client as given (-Force): no check, and a client_id of Dintero's.</param>
        public ApiClientSetup(DinteroClient client, bool force)
        {
            this.client = client ?? throw new ArgumentNullException(nameof(client));
            this.force = force;
        }

        /// <summary>
        /// Whether Dintero's refusal of a POST says the client_id is taken. UNCERTAIN: Dintero documents no such answer; the
        /// module takes a 409, or a 400 naming client_id, as one, and reads the client back to be sure before it skips.
        /// </summary>
        public static bool ClientIdTaken(DinteroApiException refused) =>
            refused.StatusCode == 409 || (refused.StatusCode == 400 && refused.FieldErrors.Any(error => error.Path == "client_id"));

        /// <summary>What the run would do with a row, without sending anything (-WhatIf): WouldCreate, or WouldSkip and why.</summary>
        public async Task<ApiClientOutcome> PlanAsync(string accountId, int? row, ApiClientRequest request, CancellationToken cancellationToken)
        {
            if (Repeat(accountId, row, request, RowOutcome.WouldSkip) is { } repeat) return repeat;
            if (force) return new ApiClientOutcome(RowOutcome.WouldCreate, accountId, request.Name, null, null, null);
            var existing = await FindAsync(accountId, request.ClientIdFor(accountId), cancellationToken).ConfigureAwait(false);
            if (existing != null && HasGrant(existing, request, accountId)) return new ApiClientOutcome(RowOutcome.WouldSkip, accountId, request.Name, existing, null, Has(existing));
            return new ApiClientOutcome(RowOutcome.WouldCreate, accountId, request.Name, existing, null, existing == null ? null : Replaces(existing));
        }

        /// <summary>Makes the client and its grant, or skips the row; the outcome holds the secret, once.</summary>
        /// <exception cref="DinteroRollbackException">The grant failed (or the client's answer was lost), and the client was deleted, or could not be.</exception>
        /// <exception cref="DinteroReadBackException">The client's answer was lost, and reading back found none, or could not tell.</exception>
        public async Task<ApiClientOutcome> CreateAsync(string accountId, int? row, ApiClientRequest request, CancellationToken cancellationToken)
        {
            if (Repeat(accountId, row, request, RowOutcome.Skipped) is { } repeat) return repeat;
            var clientId = force ? null : request.ClientIdFor(accountId);
            string? reason = null;
            (ApiClient Client, DinteroSecret Secret) made;
            try
            {
                made = await MakeAsync(accountId, request, clientId, cancellationToken).ConfigureAwait(false);
            }
            catch (DinteroApiException refused) when (clientId != null && ClientIdTaken(refused))
            {
                var existing = await FindAsync(accountId, clientId, cancellationToken).ConfigureAwait(false);
                if (existing == null) throw;
                if (HasGrant(existing, request, accountId)) return new ApiClientOutcome(RowOutcome.Skipped, accountId, request.Name, existing, null, Has(existing));
                // Left by a run that died between the two steps: no grant, and its secret gone with that run.
                await DeleteAsync(accountId, existing.id!, CancellationToken.None).ConfigureAwait(false);
                reason = Replaces(existing);
                made = await MakeAsync(accountId, request, clientId, cancellationToken).ConfigureAwait(false);
            }
            var grant = await GrantAsync(accountId, made.Client, request, cancellationToken).ConfigureAwait(false);
            made.Client.grants = new List<ClientGrant> { grant };
            return new ApiClientOutcome(RowOutcome.Created, accountId, request.Name, made.Client, made.Secret, reason);
        }

        // Null when the row is to be sent; else the skip (or, for a plan, the skip it would be).
        private ApiClientOutcome? Repeat(string accountId, int? row, ApiClientRequest request, RowOutcome skipped)
        {
            if (force) return null;
            if (claimed.TryAdd(accountId + "/" + request.ClientIdFor(accountId), row)) return null;
            claimed.TryGetValue(accountId + "/" + request.ClientIdFor(accountId), out var first);
            var earlier = first == null ? "an earlier row" : $"pipeline item {first}";
            return new ApiClientOutcome(skipped, accountId, request.Name, null, null, $"the input names account {accountId} with the client '{request.Name}' more than once; {earlier} makes it");
        }

        private async Task<(ApiClient Client, DinteroSecret Secret)> MakeAsync(string accountId, ApiClientRequest request, string? clientId, CancellationToken cancellationToken)
        {
            var sentAt = client.Now;
            try
            {
                return await client.CreateApiClientAsync(accountId, request.Name, request.Description, clientId, cancellationToken).ConfigureAwait(false);
            }
            catch (DinteroException lost) when (lost.OutcomeUnknown && !cancellationToken.IsCancellationRequested)
            {
                throw await SettleLostAsync(accountId, request, clientId, sentAt, lost).ConfigureAwait(false);
            }
        }

        // The answer with the secret was lost: a client made is of no use without it, so it is deleted; the row is run again.
        private async Task<DinteroException> SettleLostAsync(string accountId, ApiClientRequest request, string? clientId, DateTimeOffset sentAt, DinteroException lost)
        {
            List<ApiClient> found;
            try
            {
                var since = client.ServerClock.ToServerTime(sentAt) - ReadBack.Slack;
                found = (await client.ListAllApiClientsAsync(accountId, CancellationToken.None).ConfigureAwait(false))
                    .Where(candidate => clientId != null ? candidate.client_id == clientId : candidate.name == request.Name && since != null && candidate.created_at >= since)
                    .ToList();
            }
            catch (DinteroException readBack)
            {
                return new DinteroReadBackException(ReadBackFinding.CannotTell,
                    $"{lost.Description} Reading the account's API clients back failed too ({readBack.ErrorId}): a client '{request.Name}' may have been made, without its secret.",
                    $"Look for it with Get-DinteroApiClient -AccountId {accountId} -Name '{request.Name}' and remove one without a grant (Remove-DinteroApiClient) before running again.", lost);
            }
            if (found.Count == 0)
            {
                return new DinteroReadBackException(ReadBackFinding.NotStored, $"{lost.Description} Reading the account's API clients back found no client '{request.Name}': it was not made.", "Run the same input again: it makes the client.", lost);
            }
            if (found.Count > 1)
            {
                return new DinteroReadBackException(ReadBackFinding.CannotTell, $"{lost.Description} Reading back found {found.Count} clients '{request.Name}' made since: it cannot be told which is this row's.",
                    $"Remove the ones without a grant (Get-DinteroApiClient -AccountId {accountId} -Name '{request.Name}'), then run again.", lost);
            }
            return await UndoAsync(accountId, found[0], $"{lost.Description} {SecretShownOnce}, so the client it made ({found[0].client_id}) is of no use", lost, "Run the same input again: it makes the client anew.").ConfigureAwait(false);
        }

        private async Task<ClientGrant> GrantAsync(string accountId, ApiClient made, ApiClientRequest request, CancellationToken cancellationToken)
        {
            var audience = client.AccountUri(accountId).AbsoluteUri;
            var wanted = new ClientGrant { client_id = made.id, audience = audience, scope = request.Scopes.ToList(), type = request.GrantType };
            try
            {
                return await client.CreateClientGrantAsync(accountId, wanted, cancellationToken).ConfigureAwait(false);
            }
            catch (DinteroException failed)
            {
                if (failed.OutcomeUnknown && !cancellationToken.IsCancellationRequested)
                {
                    var stored = await GrantsOrNullAsync(accountId, made.id!).ConfigureAwait(false);
                    var found = stored?.FirstOrDefault(grant => Grants(grant, request, audience));
                    if (found != null) return found;
                }
                // Deleted even when the command is being stopped: a client without a grant is what this step must not leave.
                throw await UndoAsync(accountId, made, $"Dintero refused the grant of client {made.client_id} ({failed.Description.TrimEnd('.')})", failed,
                    failed is DinteroApiException { StatusCode: 400 } ? "Correct the scopes or the grant type, then run again." : "Run the same input again: it makes the client and its grant.").ConfigureAwait(false);
            }
        }

        private async Task<DinteroException> UndoAsync(string accountId, ApiClient made, string what, DinteroException cause, string advice)
        {
            try
            {
                await DeleteAsync(accountId, made.id!, CancellationToken.None).ConfigureAwait(false);
                return new DinteroRollbackException($"{what}; the client was deleted, so that no client without a grant is left.", advice, cause, undone: true);
            }
            catch (DinteroException deleting)
            {
                return new DinteroRollbackException(
                    $"{what}; deleting the client failed too ({deleting.ErrorId}), so client {made.client_id} (id {made.id}) is left without a grant.",
                    $"Remove it: Remove-DinteroApiClient -AccountId {accountId} -Id {made.id}; then run again.", cause, undone: false, leftBehind: made.id);
            }
        }

        private async Task DeleteAsync(string accountId, string id, CancellationToken cancellationToken)
        {
            try
            {
                await client.DeleteApiClientAsync(accountId, id, cancellationToken).ConfigureAwait(false);
            }
            catch (DinteroApiException gone) when (gone.StatusCode == 404)
            {
                // A repeated DELETE whose first answer was lost: it is gone.
            }
        }

        /// <summary>The account's client with the client_id, with its grants; null when there is none.</summary>
        private async Task<ApiClient?> FindAsync(string accountId, string clientId, CancellationToken cancellationToken)
        {
            var found = (await client.ListAllApiClientsAsync(accountId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(candidate => candidate.client_id == clientId);
            if (found?.id == null) return null;
            found.grants = (await client.ListClientGrantsAsync(accountId, found.id, cancellationToken).ConfigureAwait(false)).ToList();
            return found;
        }

        private async Task<IReadOnlyList<ClientGrant>?> GrantsOrNullAsync(string accountId, string clientUuid)
        {
            try
            {
                return await client.ListClientGrantsAsync(accountId, clientUuid, CancellationToken.None).ConfigureAwait(false);
            }
            catch (DinteroException)
            {
                return null;
            }
        }

        private bool HasGrant(ApiClient existing, ApiClientRequest request, string accountId)
        {
            var audience = client.AccountUri(accountId).AbsoluteUri;
            return existing.grants != null && existing.grants.Any(grant => Grants(grant, request, audience));
        }

        // The grant asked for: its type, the account's URL, and every scope asked for.
        private static bool Grants(ClientGrant grant, ApiClientRequest request, string audience) =>
            grant.type == request.GrantType && string.Equals(grant.audience?.TrimEnd('/'), audience.TrimEnd('/'), StringComparison.Ordinal)
            && grant.scope != null && request.Scopes.All(grant.scope.Contains);

        private static string Has(ApiClient existing) =>
            $"account {existing.account_id} has the client {existing.client_id} ('{existing.name}') with the grant asked for already; -Force makes another";

        private static string Replaces(ApiClient existing) =>
            $"the client {existing.client_id} was there without a grant (a run stopped between its two steps) and was made anew";
    }
}
