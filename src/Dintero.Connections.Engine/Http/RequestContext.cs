using System;
using System.Collections.Generic;
using System.Net.Http;

namespace Dintero.Connections.Http
{
    /// <summary>How a request may be repeated when no good answer comes.</summary>
    internal enum RepeatPolicy
    {
        /// <summary>GET and token calls: repeating has no effect on Dintero, so 502/503/504 and transport failures are retried.</summary>
        Safe,

        /// <summary>A POST that creates something: repeated only after 429, or when the connection failed before sending.</summary>
        NotIdempotent,
    }

    /// <summary>What the handlers need to know about one request, carried on the request itself.</summary>
    internal sealed class RequestContext
    {
        private const string Key = "Dintero.RequestContext";

        public RequestContext(string accountId, RepeatPolicy repeat, bool authenticate, IReadOnlyCollection<string> sensitiveValues)
        {
            AccountId = accountId;
            Repeat = repeat;
            Authenticate = authenticate;
            SensitiveValues = sensitiveValues;
        }

        public string AccountId { get; }

        public RepeatPolicy Repeat { get; }

        /// <summary>False for the token request itself, which uses Basic authentication.</summary>
        public bool Authenticate { get; }

        /// <summary>Personal values in this request's body, masked in anything logged or thrown for it.</summary>
        public IReadOnlyCollection<string> SensitiveValues { get; }

        /// <summary>How many times the request was sent again after its first attempt (the retry handler counts them).</summary>
        public int Retries { get; set; }

        /// <summary>Set when Dintero asked to wait longer than the client waits by itself (a 429's Retry-After beyond MaxRetryAfter): how long.</summary>
        public TimeSpan? WaitRefused { get; set; }

        public void AttachTo(HttpRequestMessage request) => request.Properties[Key] = this;

        public static RequestContext Of(HttpRequestMessage request) =>
            request.Properties.TryGetValue(Key, out var value) && value is RequestContext context
                ? context
                : throw new InvalidOperationException("A Dintero request was sent without its request context.");
    }
}
