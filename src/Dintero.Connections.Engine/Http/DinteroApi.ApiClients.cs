using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Clients;
using Dintero.Connections.Models;
using Dintero.Connections.Paging;

namespace Dintero.Connections.Http
{
    /// <summary>
    /// An account's API clients (<c>.../auth/clients</c>) and their grants (<c>.../auth/client-grants</c>), with the
    /// account's token: a partner reaches a merchant's through the token exchange. A secret Dintero answers with is taken
    /// out of the answer as a <see cref="DinteroSecret"/> and is never part of the <see cref="ApiClient"/>.
    /// </summary>
    public sealed partial class DinteroApi
    {
        private const string ClientsPath = "auth/clients";
        private const string GrantsPath = "auth/client-grants";

        /// <summary>One page of the account's API clients.</summary>
        public async Task<Page<ApiClient>> ListApiClientsAsync(string accountId, int limit = CursorPaging.MaxLimit, string? startingAfter = null, CancellationToken cancellationToken = default)
        {
            var clients = await SendAsync<List<ApiClient>>(HttpMethod.Get, accountId, ClientsPath + PageQuery(limit, startingAfter), null, RepeatPolicy.Safe, Array.Empty<string>(), cancellationToken).ConfigureAwait(false);
            return CursorPaging.Of<ApiClient>(clients, limit, client => client.id);
        }

        /// <summary>Every API client of the account, page after page.</summary>
        public Task<List<ApiClient>> ListAllApiClientsAsync(string accountId, CancellationToken cancellationToken = default) =>
            CursorPaging.AllAsync(cursor => ListApiClientsAsync(accountId, CursorPaging.MaxLimit, cursor, cancellationToken));

        /// <summary>Every API client of the account, each with its grants (two reads, whatever the count: the clients, and the account's grants).</summary>
        public async Task<IReadOnlyList<ApiClient>> ListApiClientsWithGrantsAsync(string accountId, CancellationToken cancellationToken = default)
        {
            var clients = await ListAllApiClientsAsync(accountId, cancellationToken).ConfigureAwait(false);
            var grants = await ListClientGrantsAsync(accountId, null, cancellationToken).ConfigureAwait(false);
            foreach (var client in clients) client.grants = grants.Where(grant => grant.client_id == client.id).ToList();
            return clients;
        }

        /// <summary>One API client by its id (a UUID), with its grants.</summary>
        public async Task<ApiClient> GetApiClientWithGrantsAsync(string accountId, string id, CancellationToken cancellationToken = default)
        {
            var client = await GetApiClientAsync(accountId, id, cancellationToken).ConfigureAwait(false);
            client.grants = (await ListClientGrantsAsync(accountId, client.id ?? id, cancellationToken).ConfigureAwait(false)).ToList();
            return client;
        }

        /// <summary>One API client, by its <c>id</c> (a UUID); a 404 means the account has no such client.</summary>
        public Task<ApiClient> GetApiClientAsync(string accountId, string id, CancellationToken cancellationToken = default) =>
            SendAsync<ApiClient>(HttpMethod.Get, accountId, $"{ClientsPath}/{Segment(id)}", null, RepeatPolicy.Safe, Array.Empty<string>(), cancellationToken);

        /// <summary>
        /// Makes an API client (<c>POST .../auth/clients</c>), sent once: the answer holds its secret, which Dintero never
        /// shows again. Without a grant the client gets no token (see <see cref="Clients.ApiClientSpec"/>, which gives it one).
        /// </summary>
        /// <exception cref="Errors.DinteroTransportException">The answer holds no client_secret: the client was made, but its secret is not at hand.</exception>
        /// <param name="accountId">The account the client is for.</param>
        /// <param name="name">What Backoffice shows.</param>
        /// <param name="description">Said of it in Backoffice; null for none.</param>
        /// <param name="clientId">The client_id to make it with (a second client with it is refused); null for one of Dintero's.</param>
        /// <param name="cancellationToken">Stops the request.</param>
        public async Task<(ApiClient Client, DinteroSecret Secret)> CreateApiClientAsync(string accountId, string name, string? description, string? clientId, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A client needs a name.", nameof(name));
            var body = new Dictionary<string, object?> { ["name"] = name };
            if (description != null) body["description"] = description;
            if (clientId != null) body["client_id"] = clientId;
            var created = await SendAsync<ApiClient>(HttpMethod.Post, accountId, ClientsPath, body, RepeatPolicy.NotIdempotent, Array.Empty<string>(), cancellationToken).ConfigureAwait(false);
            return (created, TakeSecret(created, $"POST .../{ClientsPath}"));
        }

        /// <summary>
        /// Gives the client a new secret (<c>POST .../auth/clients/{id}/rotate-secret</c>), sent once: the old secret stops
        /// working, and the new one is in this answer only.
        /// </summary>
        public async Task<(ApiClient Client, DinteroSecret Secret)> RotateApiClientSecretAsync(string accountId, string id, CancellationToken cancellationToken = default)
        {
            var rotated = await SendAsync<ApiClient>(HttpMethod.Post, accountId, $"{ClientsPath}/{Segment(id)}/rotate-secret", null, RepeatPolicy.NotIdempotent, Array.Empty<string>(), cancellationToken).ConfigureAwait(false);
            return (rotated, TakeSecret(rotated, $"POST .../{ClientsPath}/{{id}}/rotate-secret"));
        }

        /// <summary>Deletes the client: its credentials stop working. Safe to repeat; a 404 means it is gone already.</summary>
        public Task<ApiClient> DeleteApiClientAsync(string accountId, string id, CancellationToken cancellationToken = default) =>
            SendAsync<ApiClient>(HttpMethod.Delete, accountId, $"{ClientsPath}/{Segment(id)}", null, RepeatPolicy.Safe, Array.Empty<string>(), cancellationToken);

        /// <summary>Gives a client a grant (<c>POST .../auth/client-grants</c>), sent once; the grant's client_id is the client's <c>id</c>.</summary>
        public Task<ClientGrant> CreateClientGrantAsync(string accountId, ClientGrant grant, CancellationToken cancellationToken = default)
        {
            if (grant == null) throw new ArgumentNullException(nameof(grant));
            return SendAsync<ClientGrant>(HttpMethod.Post, accountId, GrantsPath, grant, RepeatPolicy.NotIdempotent, Array.Empty<string>(), cancellationToken);
        }

        /// <summary>Every grant of the account, or of one client (its <c>id</c>), page after page.</summary>
        public async Task<IReadOnlyList<ClientGrant>> ListClientGrantsAsync(string accountId, string? clientId = null, CancellationToken cancellationToken = default)
        {
            var filter = clientId == null ? string.Empty : "&client_id=" + Uri.EscapeDataString(clientId);
            return await CursorPaging.AllAsync(async cursor =>
            {
                var grants = await SendAsync<List<ClientGrant>>(HttpMethod.Get, accountId, GrantsPath + PageQuery(CursorPaging.MaxLimit, cursor) + filter, null, RepeatPolicy.Safe, Array.Empty<string>(), cancellationToken).ConfigureAwait(false);
                return CursorPaging.Of<ClientGrant>(grants, CursorPaging.MaxLimit, grant => grant.id);
            }).ConfigureAwait(false);
        }

        /// <summary>Deletes a grant. Safe to repeat; a 404 means it is gone already.</summary>
        public Task<ClientGrant> DeleteClientGrantAsync(string accountId, string id, CancellationToken cancellationToken = default) =>
            SendAsync<ClientGrant>(HttpMethod.Delete, accountId, $"{GrantsPath}/{Segment(id)}", null, RepeatPolicy.Safe, Array.Empty<string>(), cancellationToken);

        /// <summary>Dintero's page query: <c>?limit=...&amp;starting_after=...</c>.</summary>
        private static string PageQuery(int limit, string? startingAfter)
        {
            CursorPaging.ThrowIfNotLimit(limit, nameof(limit));
            return "?limit=" + limit + (startingAfter == null ? string.Empty : "&starting_after=" + Uri.EscapeDataString(startingAfter));
        }

        /// <summary>An id as one path segment: escaped, so that no id reaches another path.</summary>
        private static string Segment(string id)
        {
            if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException("An id is required.", nameof(id));
            return Uri.EscapeDataString(id.Trim());
        }

        // The answer's client_secret (top level, as docs.dintero.com shows it) leaves the model: it lands among the fields the
        // model has no property for, from where a view or ConvertTo-Json could never reach it, and is kept as a DinteroSecret.
        private DinteroSecret TakeSecret(ApiClient client, string call)
        {
            var store = client.AdditionalPropertyStore;
            if (store != null && store.TryGetValue(Clients.ApiClientSpec.SecretField, out var value) && value is string secret && secret.Length > 0)
            {
                store.Remove(Clients.ApiClientSpec.SecretField);
                redactor.AddSecret(secret);
                return new DinteroSecret(secret);
            }
            throw new Errors.DinteroTransportException(
                $"{call}: Dintero's answer holds no {Clients.ApiClientSpec.SecretField} for client {client.client_id} ({client.id}); the client may have been made, but its secret is not at hand.",
                "POST", call, requestMayHaveReachedServer: true, innerException: null, trace: null);
        }
    }
}
