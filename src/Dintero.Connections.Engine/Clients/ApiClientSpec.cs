using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Errors;
using Dintero.Connections.Http;
using Dintero.Connections.Models;
using Dintero.Connections.Rows;
using Dintero.Connections.Signups;

namespace Dintero.Connections.Clients
{
    /// <summary>
    /// New-DinteroApiClient's two steps for a merchant as a <see cref="RowSpec{TAsk, TMade}"/>, never leaving a client
    /// without a grant:
    /// <list type="number">
    /// <item><c>POST .../auth/clients</c> with a client_id made of the name and the account (<see cref="ApiClientRequest.ClientIdFor"/>).
    /// Dintero refuses a client_id that is taken, so the send itself finds a first run's client: one with the grant asked
    /// for is a skip; one without any grant (left by a run that died between the steps, its secret gone with it) is deleted
    /// and made again; one with another grant is never touched: a skip that says what it has and what to do. A lost answer (which held the secret, shown once) is read back: a client made is of no use and is undone.</item>
    /// <item><c>POST .../auth/client-grants</c> naming the client's <c>id</c>, for the account's URL, with the scopes asked
    /// for: the second step, whose failure undoes the first; a lost answer is read back first.</item>
    /// </list>
    /// -Force makes every row's client with a client_id of Dintero's: another client of that name whatever exists.
    /// </summary>
    public sealed class ApiClientSpec : RowSpec<ApiClientRequest, ApiClientWithSecret>
    {
        /// <summary>The field of Dintero's answer that holds the secret, at its top level (docs.dintero.com, Create client, 2026).</summary>
        public const string SecretField = "client_secret";

        private const string SecretShownOnce = "Dintero shows a client's secret in the answer that makes it, and never again";

        public ApiClientSpec(DinteroApi api)
            : base(api)
        {
        }

        /// <summary>
        /// Whether Dintero's refusal of a POST says the client_id is taken. UNCERTAIN: Dintero documents no such answer; the
        /// module takes a 409, or a 400 naming client_id, as one, and reads the client back to be sure before it skips.
        /// </summary>
        public static bool ClientIdTaken(DinteroApiException refused) =>
            refused.StatusCode == 409 || (refused.StatusCode == 400 && refused.FieldErrors.Any(error => error.Path == "client_id"));

        public override string Named(ApiClientRequest ask) => $"the API client '{ask.Name}'";

        public override string This => "this client";

        public override string ReadsBack(ApiClientRequest ask) => "the account's API clients";

        public override string Unsettled(string accountId, ApiClientRequest ask) =>
            $"Look for it with Get-DinteroApiClient -AccountId {accountId} -Name '{ask.Name}' and remove any without a grant (Remove-DinteroApiClient), then run again.";

        public override string ClaimKey(string accountId, ApiClientRequest ask) => accountId + "/" + ask.ClientIdFor(accountId);

        // The POST finds the client a first run made (Dintero refuses its client_id): nothing is read first.
        public override bool FindsBeforeSending => false;

        // A client with the grant asked for is a skip. One with no grant at all (left by a run that died between its two
        // steps, its secret gone with that run) is in the way, and made anew. One with another grant is somebody's client
        // at work: never deleted, a skip that says so (a refusal would fail the row on every run, and nothing the run could
        // send would mend it).
        public override async Task<Found<ApiClientWithSecret>?> FindAsync(string accountId, ApiClientRequest ask, CancellationToken cancellationToken)
        {
            var existing = await WithGrantsAsync(accountId, ask.ClientIdFor(accountId), cancellationToken).ConfigureAwait(false);
            if (existing == null) return null;
            var found = new ApiClientWithSecret(existing, null);
            return existing.grants == null || existing.grants.Count == 0
                ? new Found<ApiClientWithSecret>(found, blocks: false,
                    $"the client {existing.client_id} was there without a grant (a run stopped between its two steps): it was deleted and made anew",
                    $"the client {existing.client_id} is there without a grant (a run stopped between its two steps): it would be deleted and made anew")
                : new Found<ApiClientWithSecret>(found, blocks: true);
        }

        public override string SkipReason(string accountId, ApiClientRequest ask, ApiClientWithSecret existing) => HasGrant(existing.Client, ask, accountId)
            ? $"account {existing.Client.account_id ?? accountId} has the client {existing.Client.client_id} ('{existing.Client.name}') with the grant asked for already; -Force makes another"
            : $"account {existing.Client.account_id ?? accountId} has the client {existing.Client.client_id} ('{existing.Client.name}') with another grant ({Describe(existing.Client.grants)}) "
              + $"than the one asked for ({ask.GrantType}: {string.Join(", ", ask.Scopes)}), so it is left as it is. To give it the grant asked for, change its grant in Backoffice, "
              + $"or remove it (Remove-DinteroApiClient -AccountId {accountId} -Id {existing.Client.id}) and run again; -Force makes another client beside it";

        public override async Task<ApiClientWithSecret> SendAsync(string accountId, ApiClientRequest ask, bool force, CancellationToken cancellationToken)
        {
            var (client, secret) = await Api.CreateApiClientAsync(accountId, ask.Name, ask.Description, force ? null : ask.ClientIdFor(accountId), cancellationToken).ConfigureAwait(false);
            return new ApiClientWithSecret(client, secret);
        }

        // The client_id is taken: a first run's client, with the grant asked for (a skip) or without (in the way).
        public override async Task<Found<ApiClientWithSecret>?> FoundByRefusalAsync(string accountId, ApiClientRequest ask, DinteroApiException refused, CancellationToken cancellationToken) =>
            ClientIdTaken(refused) ? await FindAsync(accountId, ask, cancellationToken).ConfigureAwait(false) : null;

        // Left by a run that died between the two steps: no grant, and its secret gone with that run.
        public override Task ClearAsync(string accountId, ApiClientWithSecret inTheWay) => DeleteAsync(accountId, inTheWay.Client.id!);

        // The answer with the secret was lost: a client made is of no use without it.
        public override async Task<(ApiClientWithSecret? Found, ReadBackJudgement Judgement)> ReadBackAsync(string accountId, ApiClientRequest ask, bool force, DateTimeOffset? sentOnServerClock, CancellationToken cancellationToken)
        {
            var clientId = force ? null : ask.ClientIdFor(accountId);
            var since = sentOnServerClock - ReadBack.Slack;
            var found = (await Api.ListAllApiClientsAsync(accountId, cancellationToken).ConfigureAwait(false))
                .Where(candidate => clientId != null ? candidate.client_id == clientId : candidate.name == ask.Name && since != null && candidate.created_at >= since)
                .ToList();
            if (found.Count == 0) return (null, ReadBackJudgement.NotStored($"no client '{ask.Name}'"));
            if (found.Count > 1) return (null, ReadBackJudgement.CannotTell($"{found.Count} clients '{ask.Name}' made since"));
            return (new ApiClientWithSecret(found[0], null), ReadBackJudgement.Useless($"the client it made ({found[0].client_id}), of no use: {SecretShownOnce}"));
        }

        public override string SendAgain(bool force) => "Run the same input again: it makes the client anew.";

        // The grant, for the account's URL, with the scopes asked for; a lost answer is read back before anything is undone.
        public override async Task<ApiClientWithSecret> FinishAsync(string accountId, ApiClientRequest ask, ApiClientWithSecret made, CancellationToken cancellationToken)
        {
            var client = made.Client;
            var wanted = new ClientGrant { client_id = client.id, audience = Api.AccountUri(accountId).AbsoluteUri, scope = ask.Scopes.ToList(), type = ask.GrantType };
            ClientGrant grant;
            try
            {
                grant = await Api.CreateClientGrantAsync(accountId, wanted, cancellationToken).ConfigureAwait(false);
            }
            catch (DinteroException lost) when (lost.OutcomeUnknown && !cancellationToken.IsCancellationRequested)
            {
                var stored = await GrantsOrNullAsync(accountId, client.id!).ConfigureAwait(false);
                grant = stored?.FirstOrDefault(candidate => Grants(candidate, ask, accountId)) ?? throw lost;
            }
            client.grants = new List<ClientGrant> { grant };
            return made;
        }

        public override (string What, string Advice) FinishFailed(ApiClientWithSecret made, DinteroException failed) =>
            ($"Dintero refused the grant of client {made.Client.client_id} ({failed.Description.TrimEnd('.')})",
             failed is DinteroApiException { StatusCode: 400 } ? "Correct the scopes or the grant type, then run again." : "Run the same input again: it makes the client and its grant.");

        public override async Task<DinteroException> UndoAsync(string accountId, ApiClientWithSecret made, string what, DinteroException cause, string advice)
        {
            var client = made.Client;
            try
            {
                await DeleteAsync(accountId, client.id!).ConfigureAwait(false);
                return new DinteroRollbackException($"{what}; the client was deleted, so that no client without a grant is left.", advice, cause, undone: true);
            }
            catch (DinteroException deleting)
            {
                return new DinteroRollbackException(
                    $"{what}; deleting the client failed too ({deleting.ErrorId}), so client {client.client_id} (id {client.id}) is left without a grant.",
                    $"Remove it: Remove-DinteroApiClient -AccountId {accountId} -Id {client.id}; then run again.", cause, undone: false, leftBehind: client.id);
            }
        }

        public override string ReportTypeName => "Dintero.Connections.ApiClientReport";

        public override IReadOnlyList<string> Columns { get; } = new[] { "name", "description", "scope", "grant_type", "client_id", "id" };

        public override IEnumerable<object?> Cells(ApiClientRequest? ask, ApiClientWithSecret? made, Exception? failure) => new object?[]
        {
            ask?.Name, ask?.Description, ask == null ? null : string.Join(";", ask.Scopes), ask?.GrantType, made?.Client.client_id,
            made?.Client.id ?? (failure as DinteroRollbackException)?.LeftBehind,
        };

        // A secret someone put in the sheet is never written back.
        public override IReadOnlyCollection<string> NeverCopied { get; } = new[] { SecretField, "secret", "Credential" };

        /// <summary>The account's client with the client_id, with its grants; null when there is none.</summary>
        private async Task<ApiClient?> WithGrantsAsync(string accountId, string clientId, CancellationToken cancellationToken)
        {
            var found = (await Api.ListAllApiClientsAsync(accountId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(candidate => candidate.client_id == clientId);
            if (found?.id == null) return null;
            found.grants = (await Api.ListClientGrantsAsync(accountId, found.id, cancellationToken).ConfigureAwait(false)).ToList();
            return found;
        }

        private async Task<IReadOnlyList<ClientGrant>?> GrantsOrNullAsync(string accountId, string clientUuid)
        {
            try
            {
                return await Api.ListClientGrantsAsync(accountId, clientUuid, CancellationToken.None).ConfigureAwait(false);
            }
            catch (DinteroException)
            {
                return null;
            }
        }

        private async Task DeleteAsync(string accountId, string id)
        {
            try
            {
                await Api.DeleteApiClientAsync(accountId, id, CancellationToken.None).ConfigureAwait(false);
            }
            catch (DinteroApiException gone) when (gone.StatusCode == 404)
            {
                // A repeated DELETE whose first answer was lost: it is gone.
            }
        }

        private bool HasGrant(ApiClient existing, ApiClientRequest ask, string accountId) =>
            existing.grants != null && existing.grants.Any(grant => Grants(grant, ask, accountId));

        // The grant asked for: its type, the account's URL, and every scope asked for.
        private bool Grants(ClientGrant grant, ApiClientRequest ask, string accountId) =>
            grant.type == ask.GrantType && ClientScopes.ForAccount(grant, Api.AccountUri(accountId)) && grant.scope != null && ask.Scopes.All(grant.scope.Contains);

        private static string Describe(IEnumerable<ClientGrant>? grants) =>
            string.Join("; ", (grants ?? Enumerable.Empty<ClientGrant>()).Select(grant => $"{grant.type}: {string.Join(", ", grant.scope ?? new List<string>())}"));
    }
}
