using System;
using System.Net;
using System.Runtime.InteropServices;

namespace Dintero.Connections.Http
{
    /// <summary>
    /// TLS 1.2 for Windows PowerShell 5.1. On .NET Framework, <c>HttpClientHandler</c> negotiates only the protocols in
    /// <see cref="ServicePointManager.SecurityProtocol"/>, and <c>powershell.exe</c> often starts with <c>Ssl3, Tls</c>:
    /// against an API that takes TLS 1.2 only, every request then fails with "Could not create SSL/TLS secure channel".
    /// So the module adds TLS 1.2 when it is imported there (Loading/DependencyLoader), with a bitwise or: what the host
    /// set stays. <c>SystemDefault</c> is left alone where the operating system negotiates TLS 1.2 by itself (Windows 8 and
    /// Server 2012 and later, and Mono's own TLS stack); on .NET (PowerShell 7) nothing is done, since its handler ignores
    /// the setting and always offers the system's protocols.
    /// </summary>
    public static class TransportSecurity
    {
        private const SecurityProtocolType SystemDefault = 0;
        private const SecurityProtocolType Tls12 = (SecurityProtocolType)3072;

        /// <summary>What the import did to this process's protocols, for Connect-Dintero -Verbose; null when it changed nothing.</summary>
        public static string? ImportNotice { get; private set; }

        /// <summary>The protocols to use, and what to say about the change; <see cref="TlsPlan.Changes"/> is false to leave them.</summary>
        /// <param name="onNetFramework">True on .NET Framework (and Mono), whose handler obeys <see cref="ServicePointManager.SecurityProtocol"/>.</param>
        /// <param name="current">The host's protocols now.</param>
        /// <param name="systemNegotiatesTls12">Whether <c>SystemDefault</c> lets the operating system offer TLS 1.2 (<see cref="SystemNegotiatesTls12"/>).</param>
        public static TlsPlan Plan(bool onNetFramework, SecurityProtocolType current, bool systemNegotiatesTls12)
        {
            if (!onNetFramework || (current & Tls12) == Tls12) return new TlsPlan(current, null);
            if (current == SystemDefault && systemNegotiatesTls12) return new TlsPlan(current, null);
            var wanted = current | Tls12;
            return new TlsPlan(wanted, $"Dintero.Connections added TLS 1.2 to [Net.ServicePointManager]::SecurityProtocol at import ({Describe(current)} -> {Describe(wanted)}): Dintero's API takes TLS 1.2, and .NET Framework offers only the protocols listed there.");
        }

        /// <summary>Adds TLS 1.2 to this process's protocols as <see cref="Plan"/> says; called on .NET Framework only, once per import.</summary>
        public static void EnsureTls12()
        {
            var plan = Plan(onNetFramework: true, ServicePointManager.SecurityProtocol, SystemNegotiatesTls12());
            if (plan.Changes) ServicePointManager.SecurityProtocol = plan.Protocols;
            ImportNotice = plan.Notice;
        }

        /// <summary>
        /// Whether <c>SystemDefault</c> offers TLS 1.2: Schannel does from Windows 8 and Server 2012 (NT 6.2) on, and
        /// not on Windows 7 and Server 2008 R2 without a registry change; Mono's own TLS stack does off Windows.
        /// </summary>
        public static bool SystemNegotiatesTls12() =>
            !RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || Environment.OSVersion.Version >= new Version(6, 2);

        private static string Describe(SecurityProtocolType protocols) => protocols == SystemDefault ? "SystemDefault" : protocols.ToString();
    }

    /// <summary>The protocols <see cref="TransportSecurity.Plan"/> chose, and its notice when they differ from the host's.</summary>
    public sealed class TlsPlan
    {
        internal TlsPlan(SecurityProtocolType protocols, string? notice)
        {
            Protocols = protocols;
            Notice = notice;
        }

        public SecurityProtocolType Protocols { get; }

        /// <summary>What changed, for -Verbose; null when nothing did.</summary>
        public string? Notice { get; }

        public bool Changes => Notice != null;
    }
}
