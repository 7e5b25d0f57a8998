using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;

namespace Dintero.Connections.Http.Proxy
{
    /// <summary>
    /// Which way the client's requests leave, token requests and API calls alike: through the proxy Connect-Dintero was
    /// given, else the one the environment names (<see cref="EnvironmentProxy"/>), else the system's (Windows' Internet
    /// settings; on Linux and macOS, .NET's own reading of the environment), or directly with <see cref="ProxySettings.Bypass"/>.
    /// Also tells which proxy a request to Dintero went through, so that a failure to connect, or a 407, names the proxy
    /// and not Dintero.
    /// </summary>
    internal sealed class ProxyRoute
    {
        private readonly IWebProxy? proxy;
        private readonly bool useProxy;
        private readonly bool useDefaultCredentials;
        private readonly NetworkCredential? systemCredential;

        private ProxyRoute(IWebProxy? proxy, bool useProxy, bool useDefaultCredentials, string description, IReadOnlyCollection<string> secrets, NetworkCredential? systemCredential = null)
        {
            this.proxy = proxy;
            this.useProxy = useProxy;
            this.useDefaultCredentials = useDefaultCredentials;
            this.systemCredential = systemCredential;
            Description = description;
            Secrets = secrets;
        }

        /// <summary>What Get-DinteroContext shows, e.g. <c>http://proxy.example:3128/ (given)</c>; never a password.</summary>
        public string Description { get; }

        /// <summary>True when a 407 gets an answer: a credential or the default credentials.</summary>
        public bool HasCredentials => useDefaultCredentials || systemCredential != null || proxy?.Credentials != null;

        /// <summary>Passwords the proxy is answered with: masked wherever they might appear.</summary>
        public IReadOnlyCollection<string> Secrets { get; }

        public static ProxyRoute Resolve(ProxySettings? given, Func<string, string?> environment)
        {
            given?.Validate();
            if (given != null && given.Bypass) return new ProxyRoute(null, useProxy: false, useDefaultCredentials: false, "none (direct)", Array.Empty<string>());
            if (given?.Address != null)
            {
                var address = WithoutUserInfo(given.Address);
                var explicitProxy = new WebProxy(address) { BypassProxyOnLocal = false, Credentials = given.Credential };
                if (given.UseDefaultCredentials) explicitProxy.UseDefaultCredentials = true;
                return new ProxyRoute(explicitProxy, useProxy: true, given.UseDefaultCredentials, Display(address) + " (given)", PasswordOf(given.Credential));
            }
            var fromEnvironment = EnvironmentProxy.From(environment);
            if (fromEnvironment != null)
            {
                if (given?.Credential != null) fromEnvironment.Credentials = given.Credential;
                else if (given?.UseDefaultCredentials == true) fromEnvironment.Credentials = CredentialCache.DefaultCredentials;
                return new ProxyRoute(fromEnvironment, useProxy: true, given?.UseDefaultCredentials == true, fromEnvironment.Describe(), new List<string>(fromEnvironment.Passwords()));
            }
            // The runtime's own choice: proxy left null, so HttpClientHandler asks the system.
            return new ProxyRoute(null, useProxy: true, given?.UseDefaultCredentials == true, "system", PasswordOf(given?.Credential), given?.Credential);
        }

        /// <summary>The network end of both handler chains.</summary>
        public HttpMessageHandler CreateHandler()
        {
            // No redirect is followed: a 3xx is an error naming where it pointed (only Dintero's own answers count), so no
            // request body (a signup with its personal numbers) or credential is ever sent on to another host.
            var handler = new HttpClientHandler { UseProxy = useProxy, AllowAutoRedirect = false };
            if (proxy != null) handler.Proxy = proxy;
            else if (useProxy && (systemCredential != null || useDefaultCredentials))
            {
                // The system's proxy, answered with the credentials given: .NET Framework has no DefaultProxyCredentials.
                var system = WebRequest.DefaultWebProxy;
                if (system != null)
                {
                    system.Credentials = systemCredential ?? CredentialCache.DefaultCredentials;
                    handler.Proxy = system;
                }
            }
            return handler;
        }

        /// <summary>The proxy a request to <paramref name="destination"/> goes through, without credentials; null when it goes directly.</summary>
        public Uri? ProxyFor(Uri? destination)
        {
            if (!useProxy || destination == null) return null;
            try
            {
                var chosen = proxy ?? WebRequest.DefaultWebProxy;
                if (chosen == null || chosen.IsBypassed(destination)) return null;
                var via = chosen.GetProxy(destination);
                return via == null || via == destination ? null : WithoutUserInfo(via);
            }
            catch (PlatformNotSupportedException)
            {
                return null;
            }
        }

        /// <summary>Why <paramref name="address"/> cannot be a proxy; null when it can.</summary>
        public static string? CheckAddress(Uri address)
        {
            if (!address.IsAbsoluteUri) return "address is not absolute: give http://host:port.";
            if (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps) return $"address has scheme '{address.Scheme}'; accepted: http, https (a SOCKS proxy is not supported).";
            if (address.AbsolutePath != "/" || address.Query.Length > 0) return "address has a path or a query; give only http://host:port.";
            return null;
        }

        public static Uri WithoutUserInfo(Uri address) =>
            address.UserInfo.Length == 0 ? address : new UriBuilder(address) { UserName = string.Empty, Password = string.Empty }.Uri;

        public static string Display(Uri address) => WithoutUserInfo(address).GetLeftPart(UriPartial.Authority) + "/";

        private static IReadOnlyCollection<string> PasswordOf(NetworkCredential? credential) =>
            credential == null || string.IsNullOrEmpty(credential.Password) ? Array.Empty<string>() : new[] { credential.Password };
    }
}
