using System;
using System.Security.Cryptography;
using System.Text;

namespace Dintero.Connections.Webhooks
{
    /// <summary>
    /// Checks a delivery's <c>event-signature</c> header: the HMAC-SHA1 hex digest of the raw body's bytes, keyed with the
    /// subscription's secret (docs.dintero.com, Create new subscription, Webhooks Headers). Compared in constant time, so a
    /// receiver answering forged deliveries leaks nothing of the right signature by how long it takes.
    /// </summary>
    public static class WebhookSignature
    {
        /// <summary>The signature of a body: lowercase hex of HMAC-SHA1 over its bytes, keyed with the secret's UTF-8 bytes.</summary>
        public static string Of(byte[] body, string secret)
        {
            if (body == null) throw new ArgumentNullException(nameof(body));
            if (string.IsNullOrEmpty(secret)) throw new ArgumentException("The webhook's secret is required.", nameof(secret));
            using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(secret));
            var digest = hmac.ComputeHash(body);
            var hex = new StringBuilder(digest.Length * 2);
            foreach (var b in digest) hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            return hex.ToString();
        }

        /// <summary>Whether <paramref name="signature"/> (the header, hex in either case, spaces around ignored) is the body's under the secret.</summary>
        public static bool Verify(byte[] body, string? signature, string secret)
        {
            var expected = Encoding.ASCII.GetBytes(Of(body, secret));
            var given = Encoding.ASCII.GetBytes((signature ?? string.Empty).Trim().ToLowerInvariant());
            return FixedTimeEquals(expected, given);
        }

        // CryptographicOperations.FixedTimeEquals is not in netstandard2.0: every byte is looked at, whatever differs first.
        private static bool FixedTimeEquals(byte[] expected, byte[] given)
        {
            var difference = expected.Length ^ given.Length;
            for (var i = 0; i < expected.Length; i++) difference |= expected[i] ^ (i < given.Length ? given[i] : 0);
            return difference == 0;
        }
    }
}
