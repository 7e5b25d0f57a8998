using System;
using System.Collections.Generic;
using Dintero.Connections.Auth;
using Dintero.Connections.Errors;
using Dintero.Connections.Http;
using Dintero.Connections.Http.Proxy;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Session
{
    /// <summary>
    /// What <c>Connect-Dintero</c> was given, completed from the environment variables <c>DINTERO_ACCOUNT_ID</c>,
    /// <c>DINTERO_CLIENT_ID</c>, <c>DINTERO_CLIENT_SECRET</c>, <c>DINTERO_BASE_URI</c> and <c>DINTERO_CHECKOUT_BASE_URI</c> for
    /// whatever was not given.
    /// </summary>
    public sealed class ConnectSettings
    {
        public const string AccountIdVariable = "DINTERO_ACCOUNT_ID";
        public const string ClientIdVariable = "DINTERO_CLIENT_ID";
        public const string ClientSecretVariable = "DINTERO_CLIENT_SECRET";
        public const string BaseUriVariable = "DINTERO_BASE_URI";
        public const string CheckoutBaseUriVariable = "DINTERO_CHECKOUT_BASE_URI";

        public string? AccountId { get; set; }

        public string? ClientId { get; set; }

        /// <summary>Plain only for the moment it takes to build the credential.</summary>
        public string? ClientSecret { get; set; }

        public string? BaseUri { get; set; }

        /// <summary>The checkout API's root; null for Dintero's (when <see cref="BaseUri"/> is Dintero's too).</summary>
        public string? CheckoutBaseUri { get; set; }

        /// <summary>Retries after a first attempt, 0 to <see cref="RetryOptions.MaxRetriesLimit"/>; null for the default (3).</summary>
        public int? MaxRetries { get; set; }

        /// <summary>How long one attempt may take; null for the default (100 s).</summary>
        public TimeSpan? RequestTimeout { get; set; }

        /// <summary>The longest Retry-After the client waits out by itself; null for the default (60 s).</summary>
        public TimeSpan? MaxRetryAfter { get; set; }

        /// <summary>The proxy to go through; null for the environment's or the system's.</summary>
        public ProxySettings? Proxy { get; set; }

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
            Uri? checkoutBaseUri = null;
            if (Pick(CheckoutBaseUri, environment(CheckoutBaseUriVariable)) is { } checkoutText)
            {
                var checkoutProblem = BaseUriFormat.Check(checkoutText, out var parsed, "CheckoutBaseUri");
                if (checkoutProblem != null) problems.Add(checkoutProblem);
                else checkoutBaseUri = parsed;
            }
            var retry = new RetryOptions();
            if (MaxRetries is int retries)
            {
                if (RetryOptions.MaxRetriesProblem(retries) is { } retriesProblem) problems.Add(new ValidationProblem("MaxRetries", retriesProblem));
                retry.MaxRetries = retries;
            }
            if (MaxRetryAfter is TimeSpan longestWait)
            {
                if (RetryOptions.MaxRetryAfterProblem(longestWait) is { } waitProblem) problems.Add(new ValidationProblem("MaxRetryAfter", waitProblem));
                retry.MaxRetryAfter = longestWait;
            }
            var timeout = RequestTimeout ?? DinteroApiOptions.DefaultRequestTimeout;
            if (RetryOptions.RequestTimeoutProblem(timeout) is { } timeoutProblem) problems.Add(new ValidationProblem("RequestTimeout", timeoutProblem));
            if (Proxy?.Problem() is { } proxyProblem) problems.Add(new ValidationProblem("Proxy", "the proxy " + proxyProblem));
            else if (Proxy?.Address == null && Proxy?.Bypass != true)
            {
                // The environment's proxy is read when the client is made; a malformed one is said here, with the rest.
                try
                {
                    EnvironmentProxy.From(environment);
                }
                catch (ArgumentException exception)
                {
                    problems.Add(new ValidationProblem("Proxy", exception.Message));
                }
            }
            if (problems.Count > 0) throw new DinteroValidationException("The connection settings", problems);

            return new ConnectTarget(account!, new DinteroCredential(clientId!, secret!), baseUri) { CheckoutBaseUri = checkoutBaseUri, Retry = retry, RequestTimeout = timeout, Proxy = Proxy };
        }

        private static string? Pick(string? given, string? fromEnvironment) =>
            !string.IsNullOrWhiteSpace(given) ? given!.Trim() : (string.IsNullOrWhiteSpace(fromEnvironment) ? null : fromEnvironment!.Trim());
    }

    /// <summary>Checked connection settings: whom to connect to, as whom, where.</summary>
    public sealed class ConnectTarget
    {
        public ConnectTarget(string accountId, DinteroCredential credential, Uri baseUri)
        {
            AccountId = accountId;
            Credential = credential;
            BaseUri = baseUri;
        }

        public string AccountId { get; }

        public DinteroCredential Credential { get; }

        public Uri BaseUri { get; }

        /// <summary>The checkout API's root, when given; else the client's rule (<see cref="BaseUriFormat.CheckoutFor"/>).</summary>
        public Uri? CheckoutBaseUri { get; internal set; }

        public RetryOptions Retry { get; internal set; } = new RetryOptions();

        public TimeSpan RequestTimeout { get; internal set; } = DinteroApiOptions.DefaultRequestTimeout;

        public ProxySettings? Proxy { get; internal set; }
    }
}
