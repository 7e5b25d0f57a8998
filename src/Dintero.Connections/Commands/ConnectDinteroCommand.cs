using System;
using System.Management.Automation;
using System.Net;
using System.Security;
using Dintero.Connections.Errors;
using Dintero.Connections.Http;
using Dintero.Connections.Http.Proxy;
using Dintero.Connections.Session;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Commands
{
    /// <summary>
    /// Connects the session to a Dintero account with an API client's credentials and fetches a token at once,
    /// so wrong credentials fail here rather than at the first call.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "Dintero", DefaultParameterSetName = EnvironmentSet)]
    [OutputType(typeof(DinteroContext))]
    public sealed class ConnectDinteroCommand : DinteroCmdlet
    {
        private const string EnvironmentSet = "Environment";
        private const string SecretSet = "ClientSecret";
        private const string CredentialSet = "Credential";

        /// <summary>T (test) or P (production) and eight digits; else $env:DINTERO_ACCOUNT_ID.</summary>
        [Parameter(Position = 0)]
        [ValidateAccountId]
        public string? AccountId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = SecretSet)]
        [ValidateNotNullOrEmpty]
        public string? ClientId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = SecretSet)]
        [ValidateNotNull]
        public SecureString? ClientSecret { get; set; }

        /// <summary>User name = client id, password = client secret (what an Azure Automation credential asset gives).</summary>
        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        /// <summary>Default https://api.dintero.com/v1 (or $env:DINTERO_BASE_URI); plain http only for a loopback host.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? BaseUri { get; set; }

        /// <summary>The checkout API's root (payment profiles): default https://checkout.dintero.com/v1 with Dintero's -BaseUri (or $env:DINTERO_CHECKOUT_BASE_URI).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CheckoutBaseUri { get; set; }

        /// <summary>A proxy for this context's requests, token requests included (http://host:port); else $env:HTTPS_PROXY and its kin, else the system's.</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? Proxy { get; set; }

        /// <summary>What to answer the proxy's 407 with (the environment's or the system's proxy, when -Proxy is not given).</summary>
        [Parameter]
        [Credential]
        [ValidateNotNull]
        public PSCredential? ProxyCredential { get; set; }

        /// <summary>Answers the proxy's 407 with the signed-in user's Windows credentials.</summary>
        [Parameter]
        public SwitchParameter ProxyUseDefaultCredentials { get; set; }

        /// <summary>Connects directly, ignoring $env:HTTPS_PROXY and the system's proxy.</summary>
        [Parameter]
        public SwitchParameter NoProxy { get; set; }

        /// <summary>Retries after a first attempt that got 429, 502, 503, 504 or no answer (a change that may have arrived is never sent again); 0 to 10, default 3.</summary>
        [Parameter]
        [ValidateRange(0, RetryOptions.MaxRetriesLimit)]
        public int MaxRetries { get; set; } = RetryOptions.DefaultMaxRetries;

        /// <summary>How long one attempt may take, 00:00:01 to 00:10:00; default 00:01:40.</summary>
        [Parameter]
        [ValidateDuration(RetryOptions.RequestTimeoutMinimum, RetryOptions.RequestTimeoutMaximum)]
        public TimeSpan RequestTimeout { get; set; } = DinteroApiOptions.DefaultRequestTimeout;

        /// <summary>The longest Retry-After (429) waited out by the client itself, 00:00:00 to 01:00:00; default 00:01:00. A longer one fails the call as Dintero.Throttled.</summary>
        [Parameter]
        [ValidateDuration(RetryOptions.MaxRetryAfterMinimum, RetryOptions.MaxRetryAfterMaximum)]
        public TimeSpan MaxRetryAfter { get; set; } = new RetryOptions().MaxRetryAfter;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var settings = new ConnectSettings
            {
                AccountId = AccountId,
                BaseUri = BaseUri,
                CheckoutBaseUri = CheckoutBaseUri,
                MaxRetries = MaxRetries,
                RequestTimeout = RequestTimeout,
                MaxRetryAfter = MaxRetryAfter,
            };
            if (Proxy != null || ProxyCredential != null || ProxyUseDefaultCredentials || NoProxy)
            {
                settings.Proxy = new ProxySettings
                {
                    Address = Proxy,
                    Credential = ProxyCredential?.GetNetworkCredential(),
                    UseDefaultCredentials = ProxyUseDefaultCredentials,
                    Bypass = NoProxy,
                };
            }
            if (ParameterSetName == SecretSet)
            {
                settings.ClientId = ClientId;
                settings.ClientSecret = new NetworkCredential(string.Empty, ClientSecret).Password;
            }
            else if (ParameterSetName == CredentialSet)
            {
                settings.ClientId = Credential!.UserName;
                settings.ClientSecret = Credential.GetNetworkCredential().Password;
            }

            DinteroContext context;
            // Read on the pipeline thread: the session is found through the thread's runspace.
            var session = RunspaceSession.Current;
            try
            {
                var target = settings.Resolve(Environment.GetEnvironmentVariable);
                context = Run(token => session.ConnectAsync(target, token));
            }
            catch (Exception exception) when (!(exception is PipelineStoppedException))
            {
                // A failed connect leaves no session behind: a script that goes on past this error must not act on the
                // account connected before (a context kept with -PassThru stays usable through -Context).
                var previous = session.Forget();
                if (previous != null) WriteVerbose($"The session is no longer connected to {previous}: Connect-Dintero failed, and nothing may run on the account connected before.");
                Terminate(exception, AccountId, ErrorReport.TargetName(null, AccountId));
                return;
            }
            // Import-Module -Verbose cannot carry a binary module's own lines, so the import's TLS change is said here.
            if (TransportSecurity.ImportNotice is { } tls) WriteVerbose(tls);
            WriteVerbose($"Connected to {context}. The token is valid until {context.TokenExpiresAt:u}. Proxy: {context.Proxy}.");
            if (PassThru) WriteObject(context);
        }
    }
}
