using System;
using System.Collections.Generic;
using System.Linq;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Requests
{
    /// <summary>
    /// The path of a request to any endpoint (<see cref="DinteroRequest"/>) as a user writes it, to the path from the API
    /// root: under the account (<c>management/settings</c>), from the root (<c>/accounts/T12345678/...</c>, <c>/v1/...</c>
    /// as Dintero's reference pages write it), with <c>{aid}</c> for the account, or the API's own URL, and a query left in
    /// it taken apart. It also says which account the path names, whose token the request carries.
    /// </summary>
    internal static class RequestPath
    {
        // Placeholders for the account, as Dintero's reference pages write paths (/accounts/{aid}/..., {oid} for a partner).
        private static readonly string[] AccountPlaceholders = { "{aid}", "{oid}", "{account_id}" };

        /// <param name="given">The path as the user wrote it.</param>
        /// <param name="accountId">The record's account; null when it names none (then only a path that names its account goes).</param>
        /// <param name="apiRoot">The connected API root, ending in a slash.</param>
        /// <param name="problems">Where what is wrong goes.</param>
        /// <param name="pathQuery">A query written in the path, taken apart.</param>
        /// <param name="account">The account the path names (or the record's).</param>
        /// <param name="noAccount">The problem to say when the path needs the record's account and it has none.</param>
        public static string? Resolve(string? given, string? accountId, Uri apiRoot, List<ValidationProblem> problems, out List<KeyValuePair<string, string>> pathQuery, out string? account, ValidationProblem? noAccount = null)
        {
            pathQuery = new List<KeyValuePair<string, string>>();
            account = accountId;
            var text = given?.Trim() ?? string.Empty;
            if (text.Length == 0)
            {
                problems.Add(new ValidationProblem("Path", "is empty; give a path under the account (management/settings) or from the API root (/accounts/T12345678/management/settings)."));
                return null;
            }
            if (Uri.TryCreate(text, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
            {
                // The token is for the connected API: a URL elsewhere is refused rather than sent a token.
                if (!absolute.AbsoluteUri.StartsWith(apiRoot.AbsoluteUri, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add(new ValidationProblem("Path", $"is a URL outside the connected API ({apiRoot.AbsoluteUri}); the session's token is sent there only. Give the path, e.g. /accounts/T12345678/management/settings."));
                    return null;
                }
                text = "/" + absolute.AbsoluteUri.Substring(apiRoot.AbsoluteUri.Length);
            }
            var queryStart = text.IndexOf('?');
            if (queryStart >= 0)
            {
                foreach (var part in text.Substring(queryStart + 1).Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    var equals = part.IndexOf('=');
                    var name = Uri.UnescapeDataString(equals < 0 ? part : part.Substring(0, equals));
                    var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(part.Substring(equals + 1).Replace('+', ' '));
                    pathQuery.Add(new KeyValuePair<string, string>(name, value));
                }
                text = text.Substring(0, queryStart);
            }
            // Checked as the server reads it: a segment is decoded there, so '%2e%2e' is '..' and '%2f' a slash.
            if (text.IndexOfAny(new[] { '#', ' ', '\\' }) >= 0 || text.Split('/').Select(Decoded).Any(segment => segment == ".." || segment == "." || segment.IndexOfAny(new[] { '/', '\\', '?', '#' }) >= 0))
            {
                problems.Add(new ValidationProblem("Path", $"'{text}' holds a space, '#', '\\' or a '.'/'..' segment (also percent-encoded, or an encoded '/'); give a plain path such as management/settings."));
                return null;
            }
            if (accountId == null)
            {
                // The record names no account: only a path that names its own goes.
                var named = NamedAccount(text, apiRoot);
                if (named == null)
                {
                    problems.Add(noAccount ?? new ValidationProblem("account_id", "is missing: the path names no account, and the input none."));
                    return null;
                }
                accountId = named;
                account = named;
            }
            foreach (var placeholder in AccountPlaceholders) text = ReplaceIgnoringCase(text, placeholder, accountId);

            var rooted = text.StartsWith("/", StringComparison.Ordinal);
            var segments = text.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries).ToList();
            // "/v1/accounts/..." as Dintero's reference pages write it, when the API root is .../v1.
            var rootName = apiRoot.AbsolutePath.Trim('/').Split('/').LastOrDefault();
            if (rooted && segments.Count > 0 && !string.IsNullOrEmpty(rootName) && string.Equals(segments[0], rootName, StringComparison.OrdinalIgnoreCase)) segments.RemoveAt(0);
            if (segments.Count == 0)
            {
                problems.Add(new ValidationProblem("Path", "names no endpoint; give a path such as management/settings."));
                return null;
            }
            if (!rooted)
            {
                if (string.Equals(segments[0], "accounts", StringComparison.OrdinalIgnoreCase) && segments.Count > 1 && AccountIdFormat.IsValid(segments[1]))
                {
                    // "accounts/T12345678/..." without its slash means the same as with it.
                    rooted = true;
                }
                else
                {
                    segments.InsertRange(0, new[] { "accounts", accountId });
                    return string.Join("/", segments);
                }
            }
            if (string.Equals(segments[0], "accounts", StringComparison.OrdinalIgnoreCase) && segments.Count > 1)
            {
                var named = segments[1];
                var problem = AccountIdFormat.Check(named, "Path");
                if (problem != null)
                {
                    problems.Add(new ValidationProblem("Path", $"names account '{named}', which is not an account id (T or P and eight digits); write {{aid}} for the account given with -AccountId."));
                    return null;
                }
                account = named;
            }
            return string.Join("/", segments);
        }

        // A path segment as the server reads it; one that is not valid percent-encoding is taken as written.
        private static string Decoded(string segment)
        {
            if (segment.IndexOf('%') < 0) return segment;
            try
            {
                return Uri.UnescapeDataString(segment);
            }
            catch (UriFormatException)
            {
                return segment;
            }
        }

        // The account a path names itself (/accounts/T11200001/..., with or without its slash or the API root's name); null for one under the record's account.
        private static string? NamedAccount(string text, Uri apiRoot)
        {
            var segments = text.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries).ToList();
            var rootName = apiRoot.AbsolutePath.Trim('/').Split('/').LastOrDefault();
            if (segments.Count > 0 && !string.IsNullOrEmpty(rootName) && string.Equals(segments[0], rootName, StringComparison.OrdinalIgnoreCase)) segments.RemoveAt(0);
            return segments.Count > 1 && string.Equals(segments[0], "accounts", StringComparison.OrdinalIgnoreCase) && AccountIdFormat.IsValid(segments[1]) ? segments[1] : null;
        }

        private static string ReplaceIgnoringCase(string text, string placeholder, string value)
        {
            var at = text.IndexOf(placeholder, StringComparison.OrdinalIgnoreCase);
            while (at >= 0)
            {
                text = text.Substring(0, at) + value + text.Substring(at + placeholder.Length);
                at = text.IndexOf(placeholder, at + value.Length, StringComparison.OrdinalIgnoreCase);
            }
            return text;
        }
    }
}
