using System;
using System.Net;
using System.Security;

namespace Dintero.Connections.Models
{
    /// <summary>
    /// A credential Dintero returns (Bambora's md5_key, secret_token and access_token, Vipps's client id and subscription
    /// keys, an API client's secret), held so that nothing a user does without thinking writes it out: it prints as
    /// <c>***</c> (views, Out-String, Export-Csv, string interpolation), ConvertTo-Json and Export-Clixml see only
    /// <see cref="Masked"/>, and the engine's own logs mask it by field name. The one deliberate way to read it is
    /// <see cref="GetPlainText"/> (or <see cref="ToSecureString"/>, for SecretManagement's Set-Secret).
    /// </summary>
    /// <remarks>
    /// Not a SecureString: on Linux and macOS, Export-Clixml writes a SecureString as the hex of its plain text.
    /// A string or a number given where a secret goes (a hashtable, [DinteroSecret]'...') converts to one.
    /// </remarks>
    public sealed class DinteroSecret : IEquatable<DinteroSecret>
    {
        private readonly string value;

        /// <summary>A secret with this text; what PowerShell's conversion from a string uses.</summary>
        public DinteroSecret(string value)
            : this(value, isNumber: false)
        {
        }

        /// <param name="value">The text, or for a number, its JSON text.</param>
        /// <param name="isNumber">True when Dintero sent it as a JSON number (Bambora's access_token is documented as one): written back as one.</param>
        public DinteroSecret(string value, bool isNumber)
        {
            this.value = value ?? throw new ArgumentNullException(nameof(value));
            IsNumber = isNumber;
        }

        /// <summary>What the mask reads: <c>***</c>.</summary>
        public const string Mask = "***";

        /// <summary>Always <c>***</c>: the only property, so that a serializer that reads properties finds the mask and nothing else.</summary>
        public string Masked => Mask;

        /// <summary>True when Dintero sent the value as a JSON number.</summary>
        internal bool IsNumber { get; }

        /// <summary>The secret itself, for a script that must hand it on. Do not write it to a log.</summary>
        public string GetPlainText() => value;

        /// <summary>The secret as a read-only SecureString, e.g. for <c>Set-Secret -SecureStringSecret</c>.</summary>
        public SecureString ToSecureString()
        {
            var secure = new NetworkCredential(string.Empty, value).SecurePassword;
            secure.MakeReadOnly();
            return secure;
        }

        public override string ToString() => Mask;

        public bool Equals(DinteroSecret? other) => other != null && string.Equals(value, other.value, StringComparison.Ordinal);

        public override bool Equals(object? obj) => Equals(obj as DinteroSecret);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(value);
    }
}
