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
        private DinteroContext? current;

        public TokenCache Tokens { get; } = new TokenCache();

        public DinteroContext? Current
        {
            get { lock (gate) return current; }
        }

        /// <summary>Connects and fetches a token at once, so wrong credentials fail here; makes the context current.</summary>
        public async Task<DinteroContext> ConnectAsync(DinteroClientOptions options, string accountId, CancellationToken cancellationToken)
        {
            options.TokenCache = Tokens;
            // Log lines reach the cmdlet that is running through the ambient scope (see LogScope).
            options.Log = LogScope.Write;
            options.LogLevel = DinteroLogLevel.Debug;
            options.LogEnabled = LogScope.IsEnabled;
            var client = new DinteroClient(options);
            try
            {
                var token = await client.AuthenticateAsync(accountId, cancellationToken).ConfigureAwait(false);
                var context = new DinteroContext(client, accountId, token.ExpiresAt, DateTimeOffset.UtcNow);
                // A previous context stays usable: a script may hold it (Connect-Dintero -PassThru) and pass it with -Connection.
                lock (gate) current = context;
                return context;
            }
            catch
            {
                client.Dispose();
                throw;
            }
        }

        /// <summary>Closes the current context (or the one given) and forgets its tokens; returns what was closed.</summary>
        public DinteroContext? Disconnect(DinteroContext? context = null)
        {
            DinteroContext? closed;
            lock (gate)
            {
                closed = context ?? current;
                if (closed != null && ReferenceEquals(closed, current)) current = null;
            }
            closed?.Dispose();
            return closed;
        }
    }
}
