using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Auth;
using Dintero.Connections.Connections;
using Dintero.Connections.Errors;
using Dintero.Connections.Json;
using Dintero.Connections.Logging;
using Dintero.Connections.Models;
using Dintero.Connections.Redaction;
using Dintero.Connections.Time;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Http
{
    /// <summary>
    /// Dintero's Management API for connections and account settings. Input is validated before anything is
    /// sent; errors come as <see cref="DinteroValidationException"/>, <see cref="DinteroApiException"/> or
    /// <see cref="DinteroTransportException"/>. Thread-safe: one client serves concurrent calls.
    /// </summary>
    public sealed class DinteroClient : IDisposable
    {
        private const string ConnectionsPath = "management/settings/connections/";
        private static readonly System.Net.Http.Headers.MediaTypeHeaderValue JsonContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        private readonly HandlerChain handlers;
        private readonly Redactor redactor;
        private readonly IClock clock;

        public DinteroClient(DinteroClientOptions options)
            : this(options, primaryHandler: null, SystemClock.Instance)
        {
        }

        /// <summary>For tests: a fake network (<paramref name="primaryHandler"/>) and a fake clock.</summary>
        internal DinteroClient(DinteroClientOptions options, HttpMessageHandler? primaryHandler, IClock clock)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            options.Validate();
            Credential = options.Credential!;
            BaseUri = WithTrailingSlash(options.BaseUri);
            this.clock = clock;
            redactor = new Redactor();
            redactor.AddSecret(Credential.Secret);
            var log = new Log(options.Log, redactor);
            TokenCache = options.TokenCache ?? new TokenCache();
            handlers = new HandlerChain(options, BaseUri, TokenCache, primaryHandler, clock, redactor, log);
        }

        /// <summary>The API root, ending in a slash.</summary>
        public Uri BaseUri { get; }

        public ClientCredential Credential { get; }

        public TokenCache TokenCache { get; }

        /// <summary>Gets a token for the account now (or uses the cached one), so bad credentials show at once.</summary>
        public async Task<TokenInfo> AuthenticateAsync(string accountId, CancellationToken cancellationToken = default)
        {
            CheckAccount(accountId);
            var token = await handlers.Tokens.GetTokenAsync(accountId, cancellationToken).ConfigureAwait(false);
            return new TokenInfo(accountId, Credential.ClientId, token.ExpiresAt);
        }

        /// <summary>Creates a connection of a signup kind (<see cref="ConnectionKinds"/>); the signup is checked first.</summary>
        public Task<TConnection> CreateConnectionAsync<TSignup, TConnection>(SignupKind<TSignup, TConnection> kind, string accountId, TSignup signup, CancellationToken cancellationToken = default)
            where TSignup : DinteroModel
            where TConnection : Connection
        {
            if (kind == null) throw new ArgumentNullException(nameof(kind));
            CheckAccount(accountId);
            if (signup == null) throw new ArgumentNullException(nameof(signup));
            SignupValidator.ThrowIfInvalid(kind.Validate(signup), kind.What);
            var body = new SignupRequest<TSignup> { signup = signup };
            return SendAsync<TConnection>(HttpMethod.Post, accountId, ConnectionsPath + kind.Path, body, RepeatPolicy.NotIdempotent, kind.SensitiveValues(signup), cancellationToken);
        }

        /// <summary>Reads the account's connection of a kind; a 404 means the account has none.</summary>
        public Task<TConnection> GetConnectionAsync<TConnection>(ConnectionKind<TConnection> kind, string accountId, CancellationToken cancellationToken = default)
            where TConnection : Connection
        {
            if (kind == null) throw new ArgumentNullException(nameof(kind));
            CheckAccount(accountId);
            return SendAsync<TConnection>(HttpMethod.Get, accountId, ConnectionsPath + kind.Path, null, RepeatPolicy.Safe, Array.Empty<string>(), cancellationToken);
        }

        /// <summary>Gets the connection of the kind named <paramref name="connectionType"/> (<see cref="ConnectionType"/>).</summary>
        public Task<Connection> GetConnectionAsync(string accountId, string connectionType, CancellationToken cancellationToken = default) =>
            ConnectionKinds.Named(connectionType).GetAsync(this, accountId, cancellationToken);

        /// <summary>
        /// Every connection the account has, from one read of its settings (<c>connections</c>), in the order of
        /// <see cref="ConnectionKinds.All"/>. Kinds the module does not know are left out.
        /// </summary>
        public async Task<IReadOnlyList<Connection>> GetConnectionsAsync(string accountId, CancellationToken cancellationToken = default)
        {
            var settings = await GetAccountSettingsAsync(accountId, cancellationToken).ConfigureAwait(false);
            var found = new List<Connection>();
            foreach (var kind in ConnectionKinds.All)
            {
                object? node = settings.connections;
                foreach (var key in kind.SettingsPath) node = node is IDictionary<string, object?> map && map.TryGetValue(key, out var inner) ? inner : null;
                if (!(node is IDictionary<string, object?>)) continue;
                var connection = kind.Read(node);
                connection.account_id = accountId;
                found.Add(connection);
            }
            return found;
        }

        /// <summary>Starts the Vipps signup (POST), or restarts one that is not enabled (PUT); neither takes a body.</summary>
        public Task<VippsConnection> StartVippsConnectionAsync(string accountId, bool restart = false, CancellationToken cancellationToken = default)
        {
            CheckAccount(accountId);
            return SendAsync<VippsConnection>(restart ? HttpMethod.Put : HttpMethod.Post, accountId, ConnectionsPath + ConnectionKinds.Vipps.Path, null, RepeatPolicy.NotIdempotent, Array.Empty<string>(), cancellationToken);
        }

        /// <summary>Asks for a temporary link to the account's Common signup object (<c>POST .../connections/common/signup</c>).</summary>
        public async Task<CommonSignupLink> CreateCommonSignupLinkAsync(string accountId, CancellationToken cancellationToken = default)
        {
            CheckAccount(accountId);
            var link = await SendAsync<CommonSignupLink>(HttpMethod.Post, accountId, ConnectionsPath + ConnectionKinds.Common.Path + "/signup", null, RepeatPolicy.NotIdempotent, Array.Empty<string>(), cancellationToken).ConfigureAwait(false);
            link.account_id = accountId;
            return link;
        }

        public Task<CommonConnection> CreateCommonConnectionAsync(string accountId, CommonConnectionSignup signup, CancellationToken cancellationToken = default) =>
            CreateConnectionAsync(ConnectionKinds.Common, accountId, signup, cancellationToken);

        public Task<CommonConnection> GetCommonConnectionAsync(string accountId, CancellationToken cancellationToken = default) =>
            GetConnectionAsync(ConnectionKinds.Common, accountId, cancellationToken);

        public Task<BamboraConnection> CreateBamboraConnectionAsync(string accountId, BamboraConnectionSignup signup, CancellationToken cancellationToken = default) =>
            CreateConnectionAsync(ConnectionKinds.Bambora, accountId, signup, cancellationToken);

        public Task<BamboraConnection> GetBamboraConnectionAsync(string accountId, CancellationToken cancellationToken = default) =>
            GetConnectionAsync(ConnectionKinds.Bambora, accountId, cancellationToken);

        public Task<AccountSettings> GetAccountSettingsAsync(string accountId, CancellationToken cancellationToken = default)
        {
            CheckAccount(accountId);
            return SendAsync<AccountSettings>(HttpMethod.Get, accountId, "management/settings", null, RepeatPolicy.Safe, Array.Empty<string>(), cancellationToken);
        }

        /// <summary>Replaces the account's company, e.g. to set the <c>organization_number</c> the Common signup needs.</summary>
        public Task<AccountSettings> UpdateAccountSettingsAsync(string accountId, AccountCompany company, CancellationToken cancellationToken = default)
        {
            CheckAccount(accountId);
            if (company == null) throw new ArgumentNullException(nameof(company));
            SignupValidator.ThrowIfInvalid(SignupValidator.Validate(company), "The account company");
            // PUT replaces the company with the same body each time: safe to repeat.
            var body = new AccountSettingsUpdate { company = company };
            return SendAsync<AccountSettings>(HttpMethod.Put, accountId, "management/settings", body, RepeatPolicy.Safe, Array.Empty<string>(), cancellationToken);
        }

        /// <summary>Forgets the tokens this client was issued (other clients of the session keep theirs) and closes its connections.</summary>
        public void Dispose()
        {
            handlers.Tokens.ForgetAll();
            handlers.Dispose();
        }

        private static void CheckAccount(string accountId)
        {
            var problem = AccountIdFormat.Check(accountId);
            if (problem != null) throw new DinteroValidationException("The account id", new[] { problem });
        }

        private async Task<T> SendAsync<T>(HttpMethod method, string accountId, string path, object? body, RepeatPolicy repeat, IReadOnlyCollection<string> sensitiveValues, CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(method, new Uri(BaseUri, $"accounts/{accountId}/{path}"));
            if (body != null)
            {
                request.Content = new ByteArrayContent(DinteroJson.SerializeToUtf8Bytes(body));
                request.Content.Headers.ContentType = JsonContentType;
            }
            new RequestContext(accountId, repeat, authenticate: true, sensitiveValues).AttachTo(request);

            using var response = await handlers.Api.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var bytes = response.Content == null ? Array.Empty<byte>() : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var text = Encoding.UTF8.GetString(bytes);
                string? hint = null;
                if (repeat == RepeatPolicy.NotIdempotent && (int)response.StatusCode >= 500)
                {
                    hint = "The request may have been processed although Dintero answered with an error; it was not sent again. Read the connection back (Get-DinteroConnection) before sending it again.";
                }
                throw ErrorResponseReader.ToException(response, text, clock.UtcNow, redactor, sensitiveValues, hint);
            }
            try
            {
                var result = DinteroJson.Deserialize<T>(bytes);
                if (result is Connection connection) connection.account_id = accountId;
                return result;
            }
            catch (FormatException exception)
            {
                throw new DinteroTransportException(
                    redactor.Redact($"{method} {request.RequestUri?.AbsolutePath}: Dintero answered {(int)response.StatusCode} with a body that is not a {typeof(T).Name}: {exception.Message}", sensitiveValues),
                    method.Method,
                    request.RequestUri?.AbsolutePath ?? path,
                    requestMayHaveReachedServer: true,
                    innerException: null);
            }
        }

        private static Uri WithTrailingSlash(Uri uri) =>
            uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");
    }
}
