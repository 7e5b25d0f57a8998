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
        public static bool Verify(byte[] body, string? signature, string secret) => Check(body, signature, secret).Valid;

        /// <summary>
        /// Checks a delivery, failing closed: only a signature that is the body's under the secret is valid. A missing or
        /// empty signature, one that is not 40 hex digits, a missing body or secret: not valid, and why.
        /// </summary>
        /// <remarks>
        /// A valid signature proves who sent the bytes, not that they are new: a delivery sent again (by Dintero after a
        /// failed attempt, or replayed by someone who saw it) verifies again. A receiver keeps the event-delivery header's
        /// id of each delivery it has handled and skips one it has seen.
        /// </remarks>
        public static SignatureCheck Check(byte[]? body, string? signature, string? secret)
        {
            if (string.IsNullOrEmpty(secret)) return SignatureCheck.Refused("no secret was given: the subscription's secret is needed to check a delivery", receiverFault: true);
            if (body == null) return SignatureCheck.Refused("no body was given: the raw body as received is needed", receiverFault: true);
            var given = (signature ?? string.Empty).Trim();
            if (given.Length == 0) return SignatureCheck.Refused("the delivery carries no event-signature header (or it is empty)", receiverFault: false);
            if (given.Length != SignatureLength || !IsHex(given)) return SignatureCheck.Refused($"the event-signature header is not {SignatureLength} hex digits, as an HMAC-SHA1 is", receiverFault: false);
            var expected = Encoding.ASCII.GetBytes(Of(body, secret!));
            var valid = FixedTimeEquals(expected, Encoding.ASCII.GetBytes(given.ToLowerInvariant()));
            return valid ? SignatureCheck.Verified : SignatureCheck.Refused("the event-signature is not the body's under this secret", receiverFault: false);
        }

        /// <summary>An HMAC-SHA1 in hex.</summary>
        public const int SignatureLength = 40;

        private static bool IsHex(string text)
        {
            foreach (var c in text)
            {
                if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) return false;
            }
            return true;
        }

        // CryptographicOperations.FixedTimeEquals is not in netstandard2.0: every byte is looked at, whatever differs first.
        private static bool FixedTimeEquals(byte[] expected, byte[] given)
        {
            var difference = expected.Length ^ given.Length;
            for (var i = 0; i < expected.Length; i++) difference |= expected[i] ^ (i < given.Length ? given[i] : 0);
            return difference == 0;
        }
    }

    /// <summary>What checking a delivery's signature found: valid, or why not.</summary>
    public sealed class SignatureCheck
    {
        private SignatureCheck(bool valid, string? why, bool receiverFault)
        {
            Valid = valid;
            Why = why;
            ReceiverFault = receiverFault;
        }

        public static SignatureCheck Verified { get; } = new SignatureCheck(true, null, false);

        public static SignatureCheck Refused(string why, bool receiverFault) => new SignatureCheck(false, why, receiverFault);

        public bool Valid { get; }

        /// <summary>Why the delivery is not trusted; null when it is.</summary>
        public string? Why { get; }

        /// <summary>True when the receiver's own call is wrong (no secret, no body), not the delivery: worth a warning.</summary>
        public bool ReceiverFault { get; }
    }
}
