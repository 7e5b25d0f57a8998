using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Errors;
using Dintero.Connections.Http;
using Dintero.Connections.Json;
using Dintero.Connections.Kinds;
using Dintero.Connections.Models;
using Dintero.Connections.Rows;

namespace Dintero.Connections.Signups
{
    /// <summary>
    /// A signup of one kind as a <see cref="RowSpec{TAsk, TMade}"/>: an account whose connection of the kind is pending or
    /// enabled is skipped (<see cref="ExistingConnections"/>: one list read for a partner's whole input); a failed or
    /// declined one may be signed up again; a lost answer is settled by reading the connection back and counts as created
    /// only when it proves this signup stored (<see cref="ReadBack"/>).
    /// </summary>
    public sealed class SignupSpec<TConnection> : RowSpec<SignupAsk<TConnection>, TConnection>
        where TConnection : Connection, new()
    {
        /// <summary>The report's columns of a signup, between the account and the error.</summary>
        public static readonly IReadOnlyList<string> SignupColumns = new[] { "connection_type", "status", "signature_link" };

        private readonly ConnectionKind<TConnection> kind;
        private readonly ExistingConnections existing;

        /// <param name="api">The context's client.</param>
        /// <param name="kind">The kind, looked up once per command.</param>
        public SignupSpec(DinteroApi api, ConnectionKind<TConnection> kind)
            : base(api)
        {
            this.kind = kind ?? throw new ArgumentNullException(nameof(kind));
            existing = new ExistingConnections(api);
        }

        public ConnectionKind<TConnection> Kind => kind;

        /// <summary>Requests sent to find existing connections, so far.</summary>
        public int CheckRequests => existing.Requests;

        public override string Named(SignupAsk<TConnection> ask) => $"the {kind.Name} signup";

        public override string This => "this signup";

        public override string ReadsBack(SignupAsk<TConnection> ask) => $"the {kind.Name} connection";

        public override string Unsettled(string accountId, SignupAsk<TConnection> ask) =>
            "Read the connection with Get-DinteroConnection (Format-List shows its signup and events) before sending this signup again.";

        public override string ClaimKey(string accountId, SignupAsk<TConnection> ask) => kind.Name + "/" + accountId;

        public override async Task<Found<TConnection>?> FindAsync(string accountId, SignupAsk<TConnection> ask, CancellationToken cancellationToken)
        {
            var status = await existing.BlockingStatusAsync(kind, accountId, cancellationToken).ConfigureAwait(false);
            // What the check reads is the status: the connection found is that much of it.
            return status == null ? null : new Found<TConnection>(new TConnection { status = status }, blocks: true);
        }

        public override string SkipReason(string accountId, SignupAsk<TConnection> ask, TConnection existing) =>
            $"account {accountId} has a {kind.Name} connection already ({existing.status}); -Force signs it up again";

        public override Task<TConnection> SendAsync(string accountId, SignupAsk<TConnection> ask, bool force, CancellationToken cancellationToken) => ask.Send(cancellationToken);

        public override async Task<(TConnection? Found, ReadBackJudgement Judgement)> ReadBackAsync(string accountId, SignupAsk<TConnection> ask, bool force, DateTimeOffset? sentOnServerClock, CancellationToken cancellationToken)
        {
            TConnection? found;
            try
            {
                found = await Api.GetConnectionAsync(kind, accountId, cancellationToken).ConfigureAwait(false);
            }
            catch (DinteroApiException none) when (none.StatusCode == 404)
            {
                found = null;
            }
            var sentSignup = ask.Sent == null ? null : DinteroJson.ParsePlain(DinteroJson.Serialize(ask.Sent)) as IDictionary;
            return (found, ReadBack.Judge(found, sentSignup, sentOnServerClock));
        }

        public override string SendAgain(bool force) => force
            ? "Send it again with -Force, as this run was: the account's connection was left as it was."
            : "Run the same input again: it sends this signup.";

        public override string ReportTypeName => "Dintero.Connections.SignupReport";

        public override IReadOnlyList<string> Columns => SignupColumns;

        public override IEnumerable<object?> Cells(SignupAsk<TConnection>? ask, TConnection? made, Exception? failure) =>
            new object?[] { kind.Name, made?.status, made?.signature_link };
    }
}
