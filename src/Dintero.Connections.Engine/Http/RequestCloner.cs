using System.Net.Http;
using System.Threading.Tasks;

namespace Dintero.Connections.Http
{
    /// <summary>Copies a request so it can be sent again: a request message can be sent only once.</summary>
    internal static class RequestCloner
    {
        public static async Task<HttpRequestMessage> CloneAsync(HttpRequestMessage request)
        {
            var clone = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version };
            foreach (var header in request.Headers)
            {
                clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            foreach (var property in request.Properties)
            {
                clone.Properties[property.Key] = property.Value;
            }
            if (request.Content != null)
            {
                var body = await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                clone.Content = new ByteArrayContent(body);
                foreach (var header in request.Content.Headers)
                {
                    clone.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }
            return clone;
        }
    }
}
