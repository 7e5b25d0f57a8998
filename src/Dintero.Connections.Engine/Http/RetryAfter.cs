using System;
using System.Net.Http;

namespace Dintero.Connections.Http
{
    /// <summary>Reads <c>Retry-After</c>, in seconds or as an HTTP date.</summary>
    internal static class RetryAfter
    {
        public static TimeSpan? Of(HttpResponseMessage response, DateTimeOffset now)
        {
            var header = response.Headers.RetryAfter;
            if (header == null) return null;
            if (header.Delta.HasValue) return header.Delta.Value < TimeSpan.Zero ? TimeSpan.Zero : header.Delta.Value;
            if (header.Date.HasValue)
            {
                var wait = header.Date.Value - now;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
            return null;
        }
    }
}
