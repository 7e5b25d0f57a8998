using System;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Auth;
using Dintero.Connections.Http;
using Dintero.Connections.Logging;

namespace Dintero.Connections.Session
{
    /// <summary>
    /// The state of one PowerShell runspace: its current context and the token cache its contexts share.
    /// There is no process-wide default: Azure Automation runs several jobs in one process.
    /// </summary>
    public sealed class DinteroSession
    {
        private readonly object gate = new object();
        private DinteroContext? context;

        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> told = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

        public TokenCache Tokens { get; } = new TokenCache();

        /// <summary>True the first time a notice is asked for in this session: such warnings are said once, not per call.</summary>
        public bool FirstTime(string notice) => told.TryAdd(notice, true);

        /// <summary>The context the cmdlets use when none is given with <c>-Context</c>.</summary>
        public DinteroContext? Context
        {
            get { lock (gate) return context; }
        }

        /// <summary>Connects and fetches a token at once, so wrong credentials fail here; makes the context current.</summary>
        /// <param name="target">Checked settings (<see cref="ConnectSettings.Resolve"/>).</param>
        /// <param name="cancellationToken">Stops the token request.</param>
        /// <param name="environment">Where HTTPS_PROXY and its kin are read (the settings were resolved from the same).</param>
        public async Task<DinteroContext> ConnectAsync(ConnectTarget target, CancellationToken cancellationToken, Func<string, string?>? environment = null)
        {
            var options = new DinteroApiOptions
            {
                BaseUri = target.BaseUri,
                CheckoutBaseUri = target.CheckoutBaseUri,
                Credential = target.Credential,
                // A partner account's API client reaches the partner's merchants through the token exchange.
                AccountId = target.AccountId,
                TokenCache = Tokens,
                Retry = target.Retry,
                RequestTimeout = target.RequestTimeout,
                Proxy = target.Proxy,
                Environment = environment ?? System.Environment.GetEnvironmentVariable,
                // Log lines reach the cmdlet that is running through the ambient scope (see LogScope).
                Log = LogScope.Ambient,
            };
            var api = new DinteroApi(options);
            try
            {
                var token = await api.AuthenticateAsync(target.AccountId, cancellationToken).ConfigureAwait(false);
                var connected = new DinteroContext(target.AccountId, api.Credential.ClientId, api.BaseUri, token.ExpiresAt, DateTimeOffset.UtcNow, api)
                {
                    Proxy = api.Proxy,
                    CheckoutBaseUri = api.CheckoutBaseUri,
                    MaxRetries = api.MaxRetries,
                    RequestTimeout = api.RequestTimeout,
                    MaxRetryAfter = api.MaxRetryAfter,
                };
                // A previous context stays usable: a script may hold it (Connect-Dintero -PassThru) and pass it with -Context.
                lock (gate) context = connected;
                return connected;
            }
            catch
            {
                api.Dispose();
                throw;
            }
        }

        /// <summary>
        /// Leaves the session with no current context, as after a failed Connect-Dintero: the cmdlets then refuse to run
        /// until the next connect. The context itself is not closed, as a new connect does not close the one before: a script
        /// may hold it (-PassThru) and pass it with -Context. Returns what was current.
        /// </summary>
        public DinteroContext? Forget()
        {
            lock (gate)
            {
                var previous = context;
                context = null;
                return previous;
            }
        }

        /// <summary>Closes the current context (or the one given), which forgets its own tokens; returns what was closed.</summary>
        public DinteroContext? Disconnect(DinteroContext? closing = null)
        {
            DinteroContext? closed;
            lock (gate)
            {
                closed = closing ?? context;
                if (closed != null && ReferenceEquals(closed, context)) context = null;
            }
            closed?.Dispose();
            return closed;
        }
    }
}
