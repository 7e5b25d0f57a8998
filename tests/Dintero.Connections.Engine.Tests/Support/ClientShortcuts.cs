using Dintero.Connections.Http;
using Dintero.Connections.Kinds;
using Dintero.Connections.Models;

namespace Dintero.Connections.Engine.Tests.Support;

/// <summary>
/// The two connection kinds most tests use, in one call each: what a cmdlet does in two steps (the kind's check, then
/// the client's generic call). The product has no such shortcuts; the cmdlets go through the kind registry.
/// </summary>
internal static class ClientShortcuts
{
    public static Task<CommonConnection> CreateCommonConnectionAsync(this DinteroApi client, string accountId, CommonConnectionSignup signup, CancellationToken cancellationToken = default) =>
        client.CreateConnectionAsync(ConnectionKinds.Common.Check(signup), accountId, cancellationToken);

    public static Task<CommonConnection> GetCommonConnectionAsync(this DinteroApi client, string accountId, CancellationToken cancellationToken = default) =>
        client.GetConnectionAsync(ConnectionKinds.Common, accountId, cancellationToken);

    public static Task<BamboraConnection> CreateBamboraConnectionAsync(this DinteroApi client, string accountId, BamboraConnectionSignup signup, CancellationToken cancellationToken = default) =>
        client.CreateConnectionAsync(ConnectionKinds.Bambora.Check(signup), accountId, cancellationToken);

    public static Task<BamboraConnection> GetBamboraConnectionAsync(this DinteroApi client, string accountId, CancellationToken cancellationToken = default) =>
        client.GetConnectionAsync(ConnectionKinds.Bambora, accountId, cancellationToken);
}
