namespace Dintero.Connections.Models
{
    /// <summary>
    /// An API client with the secret Dintero showed once, in the answer that made it or gave it a new one: what
    /// New-DinteroApiClient makes and Reset-DinteroApiClientSecret returns. The secret prints as ***.
    /// </summary>
    public sealed class ApiClientWithSecret
    {
        public ApiClientWithSecret(ApiClient client, DinteroSecret? secret)
        {
            Client = client;
            Secret = secret;
        }

        /// <summary>The client, with its grants.</summary>
        public ApiClient Client { get; }

        /// <summary>The secret, once; null for a client that was found, not made.</summary>
        public DinteroSecret? Secret { get; }
    }
}
