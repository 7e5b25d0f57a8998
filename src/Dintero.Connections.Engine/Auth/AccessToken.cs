using System;
using System.Net.Http.Headers;

namespace Dintero.Connections.Auth
{
    /// <summary>An issued token. Internal: the token itself never leaves the engine.</summary>
    internal sealed class AccessToken
    {
        public AccessToken(string value, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
        {
            Value = value;
            IssuedAt = issuedAt;
            ExpiresAt = expiresAt;
        }

        public string Value { get; }

        /// <summary>The <c>Authorization</c> header for this token, built once and put on every request it serves.</summary>
        public AuthenticationHeaderValue Header => header ??= new AuthenticationHeaderValue("Bearer", Value);

        private AuthenticationHeaderValue? header;

        public DateTimeOffset IssuedAt { get; }

        public DateTimeOffset ExpiresAt { get; }

        /// <summary>
        /// When to stop using the token and ask for a new one: ten minutes before expiry, or half-way through a
        /// lifetime shorter than twenty minutes (what Dintero's own SDKs do), so a call never races the expiry.
        /// </summary>
        public DateTimeOffset RenewAt(TimeSpan? margin)
        {
            var lifetime = ExpiresAt - IssuedAt;
            var before = margin ?? TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(10).Ticks, lifetime.Ticks / 2));
            return ExpiresAt - before;
        }
    }
}
