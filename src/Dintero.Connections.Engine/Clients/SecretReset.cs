using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dintero.Connections.Http;
using Dintero.Connections.Models;

namespace Dintero.Connections.Clients
{
    /// <summary>Reset-DinteroApiClientSecret's call: the new secret (sent once: a second rotation would make this one's secret stale), and the client's grants to show with it.</summary>
    public static class SecretReset
    {
        public static async Task<ApiClientWithSecret> RotateAsync(DinteroApi api, string accountId, string id, CancellationToken cancellationToken)
        {
            var (rotated, secret) = await api.RotateApiClientSecretAsync(accountId, id, cancellationToken).ConfigureAwait(false);
            rotated.grants = (await api.ListClientGrantsAsync(accountId, rotated.id, cancellationToken).ConfigureAwait(false)).ToList();
            return new ApiClientWithSecret(rotated, secret);
        }
    }
}
