using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Errors;
using Dintero.Connections.Http;
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
    /// back, never by posting again: found pending or enabled, it was created; found none, it was not, and the next run
    /// sends it.</item>
    /// </list>
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
            : this(client, force, perAccountChecks: false)
        {
        }

        /// <summary>For the bench that compares the two ways of finding existing connections.</summary>
        internal SignupRun(DinteroClient client, bool force, bool perAccountChecks)
        {
            this.client = client ?? throw new ArgumentNullException(nameof(client));
            this.force = force;
            existing = new ExistingConnections(client, perAccountChecks);
        }

        /// <summary>Requests sent to find existing connections, so far.</summary>
        public int CheckRequests => existing.Requests;

        /// <summary>Checks, sends once, and settles one signup.</summary>
        /// <param name="kind">The connection's kind.</param>
        /// <param name="accountId">The account, resolved.</param>
        /// <param name="row">The input's row (pipeline item), for the message of a repeat.</param>
        /// <param name="send">The POST (or Vipps's start) itself.</param>
        /// <param name="cancellationToken">The command's stop signal.</param>
        public async Task<SignupOutcome<TConnection>> SignUpAsync<TConnection>(ConnectionKind<TConnection> kind, string accountId, int? row, Func<CancellationToken, Task<TConnection>> send, CancellationToken cancellationToken)
            where TConnection : Connection, new()
        {
            if (!force && !claimed.TryAdd(kind.Name + "/" + accountId, row))
            {
                claimed.TryGetValue(kind.Name + "/" + accountId, out var first);
                var earlier = first == null ? "an earlier row" : $"pipeline item {first}";
                return new SignupOutcome<TConnection>(SignupResult.Skipped, accountId, kind.Name, null, null, $"the input names account {accountId} more than once; {earlier} sends its {kind.Name} signup");
            }
            if (!force)
            {
                var status = await existing.BlockingStatusAsync(kind, accountId, cancellationToken).ConfigureAwait(false);
                if (status != null)
                {
                    return new SignupOutcome<TConnection>(SignupResult.Skipped, accountId, kind.Name, null, status, $"account {accountId} has a {kind.Name} connection already ({status}); -Force signs it up again");
                }
            }
            try
            {
                var created = await send(cancellationToken).ConfigureAwait(false);
                return new SignupOutcome<TConnection>(SignupResult.Created, accountId, kind.Name, created, created.status, null);
            }
            catch (DinteroException lost) when (MayHaveBeenStored(lost) && !cancellationToken.IsCancellationRequested)
            {
                return await SettleAsync(kind, accountId, lost, cancellationToken).ConfigureAwait(false);
            }
        }

        // No answer, or a 5xx, to a POST that may have arrived: Dintero may have stored it.
        private static bool MayHaveBeenStored(DinteroException failure) =>
            failure is DinteroTransportException { RequestMayHaveReachedServer: true } || failure is DinteroApiException { StatusCode: >= 500 };

        private async Task<SignupOutcome<TConnection>> SettleAsync<TConnection>(ConnectionKind<TConnection> kind, string accountId, DinteroException lost, CancellationToken cancellationToken)
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
            catch (DinteroException readBack)
            {
                // Unsettled: the next run reads it back before it sends anything.
                var method = (lost as DinteroApiException)?.Method ?? (lost as DinteroTransportException)?.Method ?? "POST";
                var path = (lost as DinteroApiException)?.RequestPath ?? (lost as DinteroTransportException)?.RequestPath ?? kind.Path;
                throw new DinteroTransportException(
                    $"{method} {path}: Dintero's answer was lost ({FirstLine(lost.Message)}), and reading the {kind.Name} connection back failed too ({readBack.ErrorId}). It may have been stored; it was not sent again. The next run reads it back before it sends anything.",
                    method, path, requestMayHaveReachedServer: true, lost, lost.Trace);
            }
            if (found?.status != null && System.Linq.Enumerable.Contains(ExistingConnections.Blocking, found.status))
            {
                return new SignupOutcome<TConnection>(SignupResult.Created, accountId, kind.Name, found, found.status, "Dintero's answer was lost; reading the connection back found it stored");
            }
            var notCreated = $"Reading the {kind.Name} connection back found {(found == null ? "none" : "it " + found.status)}: the signup was not stored, so the next run sends it.";
            switch (lost)
            {
                case DinteroApiException answer:
                    throw new DinteroApiException(answer.StatusCode, answer.Method, answer.RequestPath, answer.Code, answer.DinteroMessage, answer.FieldErrors, answer.RetryAfter, notCreated, answer.Trace, answer.ResponseHeaders);
                default:
                    var transport = (DinteroTransportException)lost;
                    throw new DinteroTransportException(FirstLine(transport.Message) + " " + notCreated, transport.Method, transport.RequestPath, requestMayHaveReachedServer: false, transport.InnerException, transport.Trace);
            }
        }

        // What happened, without the advice the retry handler gave (replaced here) or the trace line (the base adds it again).
        private static string FirstLine(string message)
        {
            var line = message.Split('\n')[0];
            var advice = line.IndexOf(Http.Handlers.RetryHandler.NotSentAgain, StringComparison.Ordinal);
            return advice > 0 ? line.Substring(0, advice) : line;
        }
    }
}
