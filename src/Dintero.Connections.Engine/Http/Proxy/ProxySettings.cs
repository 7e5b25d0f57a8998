using System;
using System.Net;

namespace Dintero.Connections.Http.Proxy
{
    /// <summary>
    /// The proxy Connect-Dintero was told to use. Without one, the environment's <c>HTTPS_PROXY</c>/<c>HTTP_PROXY</c>/
    /// <c>ALL_PROXY</c> and <c>NO_PROXY</c> are honoured, and without those the system's proxy (see <see cref="ProxyRoute"/>).
    /// </summary>
    public sealed class ProxySettings
    {
        /// <summary>The proxy's address (<c>http://proxy.example:3128</c>); null to leave the choice to the environment and the system.</summary>
        public Uri? Address { get; set; }

        /// <summary>What to answer a proxy's 407 with.</summary>
        public NetworkCredential? Credential { get; set; }

        /// <summary>Answer a proxy's 407 with the signed-in user's Windows credentials (NTLM, Kerberos).</summary>
        public bool UseDefaultCredentials { get; set; }

        /// <summary>Connect directly, ignoring the environment's and the system's proxy.</summary>
        public bool Bypass { get; set; }

        /// <summary>Why the settings cannot be used; null when they can.</summary>
        internal string? Problem()
        {
            if (Bypass && (Address != null || Credential != null || UseDefaultCredentials)) return "a direct connection (-NoProxy) takes no proxy, proxy credential or default credentials.";
            if (Credential != null && UseDefaultCredentials) return "give either a proxy credential or the default credentials, not both.";
            return Address == null ? null : ProxyRoute.CheckAddress(Address);
        }

        internal void Validate()
        {
            if (Problem() is { } problem) throw new ArgumentException("The proxy " + problem, nameof(Address));
        }
    }
}
