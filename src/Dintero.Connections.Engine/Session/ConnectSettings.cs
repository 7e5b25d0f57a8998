using System;
using System.Collections.Generic;
using Dintero.Connections.Auth;
using Dintero.Connections.Errors;
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

        /// <summary>Completes the settings from the environment and checks them; throws with every problem at once.</summary>
        public ConnectTarget Resolve(Func<string, string?> environment)
        {
            var problems = new List<ValidationProblem>();
            var account = Pick(AccountId, environment(AccountIdVariable));
            var clientId = Pick(ClientId, environment(ClientIdVariable));
            // The secret comes from the environment only when no client id was given either: a client id given as a
            // parameter with another client's secret from the environment would fail in a confusing way.
            var secret = ClientSecret ?? (ClientId == null ? environment(ClientSecretVariable) : null);
            var baseUriText = Pick(BaseUri, environment(BaseUriVariable));

            var accountProblem = AccountIdFormat.Check(account, "AccountId");
            if (accountProblem != null)
            {
                problems.Add(account == null
                    ? new ValidationProblem("AccountId", $"No account id: give -AccountId or set ${AccountIdVariable} (T or P and eight digits, e.g. T12345678).")
                    : accountProblem);
            }
            if (string.IsNullOrWhiteSpace(clientId)) problems.Add(new ValidationProblem("ClientId", $"No client id: give -ClientId or -Credential, or set ${ClientIdVariable}."));
            if (string.IsNullOrEmpty(secret)) problems.Add(new ValidationProblem("ClientSecret", $"No client secret: give -ClientSecret or -Credential, or set ${ClientSecretVariable}."));

            var baseUri = BaseUriFormat.Default;
            if (baseUriText != null)
            {
                var baseUriProblem = BaseUriFormat.Check(baseUriText, out var parsed);
                if (baseUriProblem != null) problems.Add(baseUriProblem);
                else baseUri = parsed!;
            }
            if (problems.Count > 0) throw new DinteroValidationException("The connection settings", problems);

            return new ConnectTarget(account!, new ClientCredential(clientId!, secret!), baseUri);
        }

        private static string? Pick(string? given, string? fromEnvironment) =>
            !string.IsNullOrWhiteSpace(given) ? given!.Trim() : (string.IsNullOrWhiteSpace(fromEnvironment) ? null : fromEnvironment!.Trim());
    }

    /// <summary>Checked connection settings: whom to connect to, as whom, where.</summary>
    public sealed class ConnectTarget
    {
        public ConnectTarget(string accountId, ClientCredential credential, Uri baseUri)
        {
            AccountId = accountId;
            Credential = credential;
            BaseUri = baseUri;
        }

        public string AccountId { get; }

        public ClientCredential Credential { get; }

        public Uri BaseUri { get; }
    }
}
