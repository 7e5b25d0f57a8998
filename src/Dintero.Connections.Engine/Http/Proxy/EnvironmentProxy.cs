using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;

namespace Dintero.Connections.Http.Proxy
{
    /// <summary>
    /// The proxy the environment names, read the way curl and .NET on Linux read it: <c>HTTPS_PROXY</c> for https,
    /// <c>HTTP_PROXY</c> for http, <c>ALL_PROXY</c> for either, lower-case names too; <c>NO_PROXY</c> lists hosts
    /// (and their subdomains) to reach directly, <c>*</c> for all. Read once, when connecting. Done here rather than left
    /// to the runtime, because Windows PowerShell 5.1's .NET Framework ignores these variables altogether.
    /// </summary>
    internal sealed class EnvironmentProxy : IWebProxy
    {
        private readonly Uri? https;
        private readonly Uri? http;
        private readonly string[] bypass;

        private EnvironmentProxy(Uri? https, Uri? http, string[] bypass, ICredentials? credentials)
        {
            this.https = https;
            this.http = http;
            this.bypass = bypass;
            Credentials = credentials;
        }

        public ICredentials? Credentials { get; set; }

        /// <summary>The proxy the environment names, or null when it names none.</summary>
        /// <exception cref="ArgumentException">A variable holds something that is not a proxy address.</exception>
        public static EnvironmentProxy? From(Func<string, string?> environment)
        {
            string? Read(string name) => Clean(environment(name)) ?? Clean(environment(name.ToLowerInvariant()));
            var all = Read("ALL_PROXY");
            var httpsText = Read("HTTPS_PROXY") ?? all;
            var httpText = Read("HTTP_PROXY") ?? all;
            if (httpsText == null && httpText == null) return null;

            NetworkCredential? credential = null;
            var httpsProxy = Parse(httpsText, "HTTPS_PROXY", ref credential);
            var httpProxy = Parse(httpText, "HTTP_PROXY", ref credential);
            var noProxy = (Read("NO_PROXY") ?? string.Empty)
                .Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(entry => entry.Trim().TrimStart('*').TrimStart('.').ToLowerInvariant())
                .Select(entry => entry.Length == 0 ? "*" : entry)
                .ToArray();
            return new EnvironmentProxy(httpsProxy, httpProxy, noProxy, credential);
        }

        /// <summary>The proxy for <paramref name="destination"/>; the destination itself when it goes direct (IWebProxy's rule).</summary>
        public Uri GetProxy(Uri destination) => ProxyFor(destination) ?? destination;

        public bool IsBypassed(Uri host) => ProxyFor(host) == null;

        /// <summary>A description without credentials, for Get-DinteroContext.</summary>
        public string Describe() =>
            https != null && http != null && https != http ? $"{ProxyRoute.Display(https)} (https), {ProxyRoute.Display(http)} (http), from the environment" :
            $"{ProxyRoute.Display(https ?? http!)}, from the environment";

        private Uri? ProxyFor(Uri destination)
        {
            var proxy = destination.Scheme == Uri.UriSchemeHttps ? https : http;
            if (proxy == null) return null;
            var host = destination.IdnHost.ToLowerInvariant();
            var hostAndPort = host + ":" + destination.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var entry in bypass)
            {
                if (entry == "*") return null;
                var name = entry.Contains(":") && !entry.StartsWith("[", StringComparison.Ordinal) ? hostAndPort : host;
                if (name == entry || name.EndsWith("." + entry, StringComparison.Ordinal)) return null;
            }
            return proxy;
        }

        private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

        private static Uri? Parse(string? text, string variable, ref NetworkCredential? credential)
        {
            if (text == null) return null;
            // curl takes "proxy:3128" as http://proxy:3128.
            var withScheme = text.Contains("://") ? text : "http://" + text;
            if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri))
            {
                throw new ArgumentException($"${variable} is not a proxy address; give http://host:port.");
            }
            var problem = ProxyRoute.CheckAddress(uri);
            if (problem != null) throw new ArgumentException($"${variable}: the proxy {problem}");
            if (uri.UserInfo.Length > 0)
            {
                var parts = uri.UserInfo.Split(new[] { ':' }, 2);
                credential ??= new NetworkCredential(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty);
            }
            return ProxyRoute.WithoutUserInfo(uri);
        }

        internal IEnumerable<string> Passwords() => Credentials is NetworkCredential network && network.Password.Length > 0 ? new[] { network.Password } : Array.Empty<string>();
    }
}
