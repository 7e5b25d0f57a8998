using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using Dintero.Connections.Errors;
using Dintero.Connections.Json;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Requests
{
    /// <summary>
    /// A request to an endpoint the module has no cmdlet for (Invoke-DinteroRequest), checked before anything is sent:
    /// the method, the path (under the account, or from the API root), the query and the body. The path names the
    /// account whose token it is sent with, which in partner mode may be a merchant's.
    /// </summary>
    public sealed class DinteroRequest
    {
        /// <summary>The methods Dintero's API takes.</summary>
        public static readonly IReadOnlyList<string> Methods = new[] { "GET", "POST", "PUT", "PATCH", "DELETE" };

        // Placeholders for the account, as Dintero's reference pages write paths (/accounts/{aid}/..., {oid} for a partner).
        private static readonly string[] AccountPlaceholders = { "{aid}", "{oid}", "{account_id}" };

        private readonly IReadOnlyList<KeyValuePair<string, string>> query;

        private DinteroRequest(string method, string accountId, string path, IReadOnlyList<KeyValuePair<string, string>> query, byte[]? body)
        {
            Method = method;
            AccountId = accountId;
            Path = path;
            this.query = query;
            Body = body;
        }

        /// <summary>GET, POST, PUT, PATCH or DELETE.</summary>
        public string Method { get; }

        /// <summary>The account the request is for, and whose token it carries.</summary>
        public string AccountId { get; }

        /// <summary>The path from the API root, without a leading slash or a query: <c>accounts/T12345678/management/settings</c>.</summary>
        public string Path { get; }

        /// <summary>The body as sent, UTF-8 JSON; null for none.</summary>
        public byte[]? Body { get; }

        /// <summary>True for everything but GET: a change that ShouldProcess asks about, and that is never sent twice once it may have arrived.</summary>
        public bool IsChange => Method != "GET";

        /// <summary>The limit asked for, when the query gives one (-All then pages by it).</summary>
        public int? Limit => query.Where(pair => pair.Key == "limit").Select(pair => int.TryParse(pair.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) ? limit : (int?)null).FirstOrDefault();

        /// <summary>The path and query relative to the API root, as sent.</summary>
        public string RelativeUri => query.Count == 0 ? Path : Path + "?" + string.Join("&", query.Select(pair => Uri.EscapeDataString(pair.Key) + "=" + Uri.EscapeDataString(pair.Value)));

        /// <summary>For -WhatIf and -Confirm, and for messages: <c>PUT /accounts/T12345678/management/...</c>.</summary>
        public override string ToString() => $"{Method} /{Path}";

        /// <summary>The same request for one page of a list: <c>limit</c> set, and <c>starting_after</c> when a page came before.</summary>
        public DinteroRequest Page(int limit, string? startingAfter)
        {
            var paged = query.Where(pair => pair.Key != "limit" && pair.Key != "starting_after").ToList();
            paged.Add(new KeyValuePair<string, string>("limit", limit.ToString(CultureInfo.InvariantCulture)));
            if (startingAfter != null) paged.Add(new KeyValuePair<string, string>("starting_after", startingAfter));
            return new DinteroRequest(Method, AccountId, Path, paged, Body);
        }

        /// <summary>Checks and builds a request.</summary>
        /// <param name="method">GET, POST, PUT, PATCH or DELETE, any case.</param>
        /// <param name="path">Under the account (<c>management/settings</c>), from the API root (<c>/accounts/T12345678/...</c>, <c>/v1/accounts/...</c>,
        /// <c>{aid}</c> standing for the account), or the API's own URL. Another host is refused: the token goes to Dintero only.</param>
        /// <param name="query">Names and values for the query string; a list value repeats the name.</param>
        /// <param name="body">Plain values (dictionaries, lists, text, numbers), a model, or JSON text.</param>
        /// <param name="accountId">-AccountId (or the context's account): the account when the path names none.</param>
        /// <param name="apiRoot">The connected API root, ending in a slash.</param>
        /// <exception cref="DinteroValidationException">Something is wrong; nothing is sent.</exception>
        public static DinteroRequest Create(string? method, string? path, IDictionary? query, object? body, string accountId, Uri apiRoot)
        {
            var problems = new List<ValidationProblem>();
            var verb = (method ?? "GET").Trim().ToUpperInvariant();
            if (!Methods.Contains(verb))
            {
                problems.Add(new ValidationProblem("Method", $"'{method}' is not a method Dintero's API takes; accepted: {string.Join(", ", Methods)}.{Suggestions.DidYouMean(method ?? string.Empty, Methods)}"));
            }
            var resolved = ResolvePath(path, accountId, apiRoot, problems, out var pathQuery, out var account);
            var pairs = pathQuery.Concat(QueryPairs(query, problems)).ToList();
            var bytes = BodyBytes(body, verb, problems);
            if (problems.Count > 0) throw new DinteroValidationException("The request", problems);
            return new DinteroRequest(verb, account!, resolved!, pairs, bytes);
        }

        private static string? ResolvePath(string? given, string accountId, Uri apiRoot, List<ValidationProblem> problems, out List<KeyValuePair<string, string>> pathQuery, out string? account)
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
            if (text.IndexOfAny(new[] { '#', ' ', '\\' }) >= 0 || text.Split('/').Any(segment => segment == ".." || segment == "."))
            {
                problems.Add(new ValidationProblem("Path", $"'{text}' holds a space, '#', '\\' or a '.'/'..' segment; give a plain path such as management/settings."));
                return null;
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

        private static IEnumerable<KeyValuePair<string, string>> QueryPairs(IDictionary? query, List<ValidationProblem> problems)
        {
            if (query == null) yield break;
            foreach (DictionaryEntry entry in query)
            {
                var name = Convert.ToString(entry.Key, CultureInfo.InvariantCulture)?.Trim();
                if (string.IsNullOrEmpty(name))
                {
                    problems.Add(new ValidationProblem("Query", "has an empty name."));
                    continue;
                }
                var values = entry.Value is IEnumerable list && !(entry.Value is string) ? list.Cast<object?>() : new[] { entry.Value };
                foreach (var value in values)
                {
                    if (value == null) continue;
                    if (value is IDictionary)
                    {
                        problems.Add(new ValidationProblem($"Query.{name}", "is a hashtable; a query value is text, a number, true or false, or a list of them."));
                        continue;
                    }
                    yield return new KeyValuePair<string, string>(name!, QueryText(value));
                }
            }
        }

        private static string QueryText(object value) => value switch
        {
            bool flag => flag ? "true" : "false",
            DateTimeOffset moment => UtcDateTimeOffsetConverter.Format(moment),
            DateTime date => UtcDateTimeOffsetConverter.Format(new DateTimeOffset(date.ToUniversalTime(), TimeSpan.Zero)),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
        };

        private static byte[]? BodyBytes(object? body, string method, List<ValidationProblem> problems)
        {
            if (body == null) return null;
            if (method == "GET")
            {
                problems.Add(new ValidationProblem("Body", "is given for a GET, which takes none; give the values with -Query, or the method that sends them (-Method POST, PUT or PATCH)."));
                return null;
            }
            if (body is string json)
            {
                try
                {
                    using (JsonDocument.Parse(json)) { }
                }
                catch (JsonException exception)
                {
                    // The reader's message names the line and the position, never a value.
                    problems.Add(new ValidationProblem("Body", $"is text that is not JSON ({exception.Message.Split('.')[0]}); give JSON text, a hashtable or an object."));
                    return null;
                }
                return Encoding.UTF8.GetBytes(json);
            }
            return DinteroJson.SerializeToUtf8Bytes(body);
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
