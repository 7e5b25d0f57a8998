using System;
using System.Collections.Generic;
using Dintero.Connections.Auth;
using Dintero.Connections.Errors;
using Dintero.Connections.Http;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Session
{
    /// <summary>
    /// What <c>Connect-Dintero</c> was given, completed from the environment variables <c>DINTERO_ACCOUNT_ID</c>,
    /// <c>DINTERO_CLIENT_ID</c>, <c>DINTERO_CLIENT_SECRET</c> and <c>DINTERO_BASE_URI</c> for whatever was not given.
    /// </summary>
    public sealed class ConnectSettings
    {
        public const string AccountIdVariable = "DINTERO_ACCOUNT_ID";
        public const string ClientIdVariable = "DINTERO_CLIENT_ID";
        public const string ClientSecretVariable = "DINTERO_CLIENT_SECRET";
        public const string BaseUriVariable = "DINTERO_BASE_URI";

        public string? AccountId { get; set; }

        public string? ClientId { get; set; }

        /// <summary>Plain only for the moment it takes to build the credential.</summary>
        public string? ClientSecret { get; set; }

        public string? BaseUri { get; set; }

        /// <summary>Completes the settings from the environment and checks them; throws with every problem.</summary>
        public DinteroClientOptions ToClientOptions(Func<string, string?> environment, out string accountId)
        {
            var problems = new List<ValidationProblem>();
            var account = Pick(AccountId, environment(AccountIdVariable));
            var clientId = Pick(ClientId, environment(ClientIdVariable));
            // The secret comes from the environment only when no client id was given either: a client id given as a
            // parameter with another client's secret from the environment would fail in a confusing way.
            var secret = ClientSecret ?? (ClientId == null ? environment(ClientSecretVariable) : null);
            var baseUri = Pick(BaseUri, environment(BaseUriVariable));

            var accountProblem = Validation.AccountId.Check(account, "AccountId");
            if (accountProblem != null)
            {
                problems.Add(account == null
                    ? new ValidationProblem("AccountId", $"No account id: give -AccountId or set ${AccountIdVariable} (T or P and eight digits, e.g. T12345678).")
                    : accountProblem);
            }
            if (string.IsNullOrWhiteSpace(clientId)) problems.Add(new ValidationProblem("ClientId", $"No client id: give -ClientId or -Credential, or set ${ClientIdVariable}."));
            if (string.IsNullOrEmpty(secret)) problems.Add(new ValidationProblem("ClientSecret", $"No client secret: give -ClientSecret or -Credential, or set ${ClientSecretVariable}."));

            Uri? uri = DinteroClientOptions.DefaultBaseUri;
            if (baseUri != null && (!Uri.TryCreate(baseUri, UriKind.Absolute, out uri) || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))))
            {
                problems.Add(new ValidationProblem("BaseUri", $"'{baseUri}' is not accepted: use an https:// address, or http:// only for a loopback host such as the local emulator."));
            }
            if (problems.Count > 0) throw new DinteroValidationException("The connection settings", problems);

            accountId = account!;
            return new DinteroClientOptions { BaseUri = uri!, Credential = new ClientCredential(clientId!, secret!) };
        }

        private static string? Pick(string? given, string? fromEnvironment) =>
            !string.IsNullOrWhiteSpace(given) ? given!.Trim() : (string.IsNullOrWhiteSpace(fromEnvironment) ? null : fromEnvironment!.Trim());
    }
}
