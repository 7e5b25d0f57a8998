using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Kinds;
using Dintero.Connections.Models;

namespace Dintero.Connections.Http
{
    /// <summary>The connections of an account (<c>.../management/settings/connections/{kind}</c>), by <see cref="ConnectionKind"/>.</summary>
    public sealed partial class DinteroApi
    {
        private const string ConnectionsPath = "management/settings/connections/";

        /// <summary>Creates a connection from a signup its kind has checked (<see cref="SignupKind{TSignup, TConnection}.Check"/>).</summary>
        public Task<TConnection> CreateConnectionAsync<TSignup, TConnection>(CheckedSignup<TSignup, TConnection> signup, string accountId, CancellationToken cancellationToken = default)
            where TSignup : DinteroModel
            where TConnection : Connection, new()
        {
            if (signup == null) throw new ArgumentNullException(nameof(signup));
            var body = new SignupRequest<TSignup> { signup = signup.Signup };
            return SendAsync<TConnection>(HttpMethod.Post, accountId, ConnectionsPath + signup.Kind.Path, body, RepeatPolicy.NotIdempotent, signup.SensitiveValues, cancellationToken);
        }

        /// <summary>Reads the account's connection of a kind, as the kind's model; a 404 means the account has none.</summary>
        public Task<TConnection> GetConnectionAsync<TConnection>(ConnectionKind<TConnection> kind, string accountId, CancellationToken cancellationToken = default)
            where TConnection : Connection, new()
        {
            if (kind == null) throw new ArgumentNullException(nameof(kind));
            return SendAsync<TConnection>(HttpMethod.Get, accountId, ConnectionsPath + kind.Path, null, RepeatPolicy.Safe, Array.Empty<string>(), cancellationToken);
        }

        /// <summary>Reads the account's connection of a kind known only at run time (<c>-ConnectionType</c>); a 404 means the account has none.</summary>
        public Task<Connection> GetConnectionAsync(ConnectionKind kind, string accountId, CancellationToken cancellationToken = default)
        {
            if (kind == null) throw new ArgumentNullException(nameof(kind));
            return SendAsync<Connection>(HttpMethod.Get, accountId, ConnectionsPath + kind.Path, null, RepeatPolicy.Safe, Array.Empty<string>(), cancellationToken, kind.ConnectionType);
        }

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
                var plain = kind.FindIn(settings.connections);
                if (plain == null) continue;
                var connection = kind.Read(plain);
                LocalFields.Fill(connection, accountId);
                found.Add(connection);
            }
            return found;
        }

        /// <summary>Starts the Vipps signup (POST), or restarts one that is not enabled (PUT); neither takes a body.</summary>
        public Task<VippsConnection> StartVippsConnectionAsync(string accountId, bool restart = false, CancellationToken cancellationToken = default) =>
            SendAsync<VippsConnection>(restart ? HttpMethod.Put : HttpMethod.Post, accountId, ConnectionsPath + ConnectionKinds.Vipps.Path, null, RepeatPolicy.NotIdempotent, Array.Empty<string>(), cancellationToken);

        /// <summary>Asks for a temporary link to the account's Common signup object (<c>POST .../connections/common/signup</c>).</summary>
        public Task<CommonSignupLink> CreateCommonSignupLinkAsync(string accountId, CancellationToken cancellationToken = default) =>
            SendAsync<CommonSignupLink>(HttpMethod.Post, accountId, ConnectionsPath + ConnectionKinds.Common.Path + "/signup", null, RepeatPolicy.NotIdempotent, Array.Empty<string>(), cancellationToken);
    }
}
