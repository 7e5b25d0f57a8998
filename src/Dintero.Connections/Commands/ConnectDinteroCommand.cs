using System;
using System.Management.Automation;
using System.Net;
using System.Security;
using Dintero.Connections.Errors;
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

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var settings = new ConnectSettings { AccountId = AccountId, BaseUri = BaseUri };
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
            try
            {
                var target = settings.Resolve(Environment.GetEnvironmentVariable);
                // Read on the pipeline thread: the session is found through the thread's runspace.
                var session = RunspaceSession.Current;
                context = Run(token => session.ConnectAsync(target, token));
            }
            catch (DinteroException exception)
            {
                Terminate(exception, AccountId, ErrorReport.TargetName(null, AccountId));
                return;
            }
            WriteVerbose($"Connected to {context}. The token is valid until {context.TokenExpiresAt:u}.");
            if (PassThru) WriteObject(context);
        }
    }
}
