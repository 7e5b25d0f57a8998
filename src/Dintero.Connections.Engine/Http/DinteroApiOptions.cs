using System;
using Dintero.Connections.Auth;
using Dintero.Connections.Http.Proxy;
using Dintero.Connections.Logging;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Http
{
    /// <summary>Where and as whom the client talks to Dintero, and how patiently.</summary>
    public sealed class DinteroApiOptions
    {
        /// <summary>Dintero's API root, <c>https://api.dintero.com/v1</c>. Plain http is accepted for a loopback host only (<see cref="BaseUriFormat"/>).</summary>
        public Uri BaseUri { get; set; } = BaseUriFormat.Default;

        /// <summary>
        /// The checkout API's root (payment profiles). Null: Dintero's, <see cref="BaseUriFormat.DefaultCheckout"/>, when
        /// <see cref="BaseUri"/> is Dintero's; none when it is another (an emulator's), so that its tokens never travel to Dintero.
        /// </summary>
        public Uri? CheckoutBaseUri { get; set; }

        public DinteroCredential? Credential { get; set; }

        /// <summary>
        /// The account the client belongs to (Connect-Dintero's). When it is a partner account, every other account is
        /// reached as one of the partner's merchants, through Dintero's token exchange. Null: every account is asked for
        /// with the client's own credentials.
        /// </summary>
        public string? AccountId { get; set; }

        /// <summary>Sent as <c>Dintero-System-Name</c> (at most 120 characters) to identify the integration.</summary>
        public string SystemName { get; set; } = "Dintero.Connections";

        /// <summary>Sent as <c>Dintero-System-Version</c> (at most 120 characters).</summary>
        public string SystemVersion { get; set; } = ModuleVersion.Current;

        /// <summary>How long one attempt may take before it is abandoned (<see cref="RetryOptions.RequestTimeoutMinimum"/> to <see cref="RetryOptions.RequestTimeoutMaximum"/>).</summary>
        public TimeSpan RequestTimeout { get; set; } = DefaultRequestTimeout;

        public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(100);

        public RetryOptions Retry { get; set; } = new RetryOptions();

        /// <summary>The proxy to go through; null for the environment's or the system's (see <see cref="ProxyRoute"/>).</summary>
        public ProxySettings? Proxy { get; set; }

        /// <summary>Where HTTPS_PROXY and its kin are read; the process's environment unless a test says otherwise.</summary>
        public Func<string, string?> Environment { get; set; } = System.Environment.GetEnvironmentVariable;

        /// <summary>How long before expiry a cached token is replaced; null for Dintero's own rule (see <see cref="AccessToken"/>).</summary>
        public TimeSpan? TokenRenewalMargin { get; set; }

        /// <summary>Tokens already issued in this session; share one cache between clients of the same session.</summary>
        public TokenCache? TokenCache { get; set; }

        /// <summary>Receives redacted log lines, and says which levels it wants (see <see cref="LogScope.Ambient"/>).</summary>
        public ILogSink? Log { get; set; }

        internal void Validate()
        {
            if (Credential == null) throw new ArgumentException("Client credentials are required.", nameof(Credential));
            if (AccountId != null && AccountIdFormat.Check(AccountId) is { } accountProblem) throw new ArgumentException(accountProblem.Message, nameof(AccountId));
            var baseUriProblem = BaseUriFormat.Check(BaseUri);
            if (baseUriProblem != null) throw new ArgumentException(baseUriProblem.Message, nameof(BaseUri));
            if (CheckoutBaseUri != null && BaseUriFormat.Check(CheckoutBaseUri, nameof(CheckoutBaseUri)) is { } checkoutProblem) throw new ArgumentException(checkoutProblem.Message, nameof(CheckoutBaseUri));
            CheckHeader(SystemName, nameof(SystemName));
            CheckHeader(SystemVersion, nameof(SystemVersion));
            // The range Connect-Dintero checks its -RequestTimeout against, and its words: RetryOptions owns both.
            if (RetryOptions.RequestTimeoutProblem(RequestTimeout) is { } problem) throw new ArgumentException("RequestTimeout " + problem, nameof(RequestTimeout));
            if (Retry == null) throw new ArgumentNullException(nameof(Retry));
            if (Retry.Problem() is { } retryProblem) throw new ArgumentException(retryProblem, nameof(Retry));
            Proxy?.Validate();
        }

        private static void CheckHeader(string value, string name)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Length > 120)
            {
                throw new ArgumentException($"{name} must be 1 to 120 characters.", name);
            }
        }
    }
}
