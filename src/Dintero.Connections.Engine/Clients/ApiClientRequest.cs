using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Dintero.Connections.Errors;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Clients
{
    /// <summary>
    /// What New-DinteroApiClient asks for one merchant: a client's name and description, and its grant's scopes and type;
    /// checked before anything is sent (<see cref="Checked"/>).
    /// </summary>
    public sealed class ApiClientRequest
    {
        /// <summary>The longest client_id made from a name: Dintero documents no limit; this keeps ids readable.</summary>
        private const int ClientIdLength = 64;

        public ApiClientRequest(string? name, string? description, IReadOnlyList<string>? scopes, string? grantType)
        {
            Name = name?.Trim() ?? string.Empty;
            Description = string.IsNullOrWhiteSpace(description) ? null : description!.Trim();
            Scopes = (scopes == null || scopes.Count == 0 ? new[] { ClientScopes.CheckoutAdmin } : scopes.Select(scope => scope?.Trim() ?? string.Empty)).Distinct(StringComparer.Ordinal).ToArray();
            GrantType = string.IsNullOrWhiteSpace(grantType) ? ClientScopes.ClientCredentials : grantType!.Trim();
        }

        public string Name { get; }

        public string? Description { get; }

        /// <summary>The grant's scopes; by default the checkout admin scope (<see cref="ClientScopes.CheckoutAdmin"/>).</summary>
        public IReadOnlyList<string> Scopes { get; }

        public string GrantType { get; }

        /// <summary>The request, or every problem with it at once (<see cref="DinteroValidationException"/>).</summary>
        public ApiClientRequest Checked()
        {
            var problems = new ProblemCollector();
            if (Name.Length == 0) problems.Add("Name", "A client needs a name, e.g. -Name 'Web shop'.");
            else if (Slug(Name).Length == 0) problems.Add("Name", $"'{Name}' has no letter or digit to make the client's id of; give a name with some.");
            problems.OneOf(GrantType, ClientScopes.GrantTypes, "GrantType", "grant type");
            for (var i = 0; i < Scopes.Count; i++)
            {
                var scope = Scopes[i];
                if (scope.Length == 0 || scope.Any(char.IsWhiteSpace) || !scope.Contains(':'))
                {
                    problems.Add($"Scope[{i}]", $"'{scope}' is no scope: Dintero's are action:area, e.g. {ClientScopes.CheckoutAdmin}.{Suggestions.DidYouMean(scope, ClientScopes.Known)}");
                }
            }
            if (problems.Problems.Count > 0) throw new DinteroValidationException("The API client", problems.Problems);
            return this;
        }

        /// <summary>
        /// The client_id the client is made with for an account: the name as lowercase letters, digits and dashes, then the
        /// account id (<c>web-shop-t11200001</c>). The same name on the same account gives the same id, so a second run's
        /// POST finds the first run's client (Dintero refuses a client_id taken) instead of making another.
        /// </summary>
        public string ClientIdFor(string accountId)
        {
            var suffix = "-" + accountId.ToLowerInvariant();
            var slug = Slug(Name);
            return (slug.Length + suffix.Length > ClientIdLength ? slug.Substring(0, ClientIdLength - suffix.Length).TrimEnd('-') : slug) + suffix;
        }

        private static string Slug(string name)
        {
            var slug = new StringBuilder(name.Length);
            foreach (var c in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
            {
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) slug.Append(c);
                else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
                else if (slug.Length > 0 && slug[slug.Length - 1] != '-') slug.Append('-');
            }
            return slug.ToString().Trim('-');
        }
    }
}
