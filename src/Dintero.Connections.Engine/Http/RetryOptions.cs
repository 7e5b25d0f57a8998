using System;

namespace Dintero.Connections.Http
{
    /// <summary>How hard the client tries before giving up on a request.</summary>
    public sealed class RetryOptions
    {
        /// <summary>Retries after the first attempt. 0 turns retrying off.</summary>
        public int MaxRetries { get; set; } = 3;

        /// <summary>First backoff delay for 502/503/504 and transport failures; doubled each retry, with jitter.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

        /// <summary>Longest backoff delay between two attempts.</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>
        /// Longest <c>Retry-After</c> the client waits out by itself. A longer one ends the call with the 429 error,
        /// which says how long Dintero asked to wait.
        /// </summary>
        public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

        internal RetryOptions Copy() => (RetryOptions)MemberwiseClone();
    }
}
