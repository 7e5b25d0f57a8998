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

        /// <summary>
        /// The page size -All reads the list with: the query's <c>limit</c>, else <paramref name="pageSize"/>. Only a GET
        /// reads a list, and the size must be one Dintero takes.
        /// </summary>
        /// <exception cref="DinteroValidationException">The request changes something, or the size is out of range.</exception>
        public int PageLimit(int pageSize)
        {
            var problems = new ProblemCollector();
            if (IsChange) problems.Add("All", $"follows the pages of a list, which a GET reads; {Method} changes something.");
            var limit = Limit ?? pageSize;
            Paging.CursorPaging.CheckLimit(limit, "Query.limit", problems);
            problems.ThrowIfAny("The request");
            return limit;
        }

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
        /// <param name="accountId">The record's account (-AccountId, its account_id, or the context's): the account when the path names none; null when the record names none.</param>
        /// <param name="apiRoot">The connected API root, ending in a slash.</param>
        /// <param name="accountGiven">True when -AccountId was given: a path that names another account is then refused, not followed.</param>
        /// <param name="noAccount">Why the record has no account (<see cref="Rows.RowAccount.Problem"/>): the request's problem when its path needs one.</param>
        /// <exception cref="DinteroValidationException">Something is wrong; nothing is sent.</exception>
        public static DinteroRequest Create(string? method, string? path, IDictionary? query, object? body, string? accountId, Uri apiRoot, bool accountGiven = false, ValidationProblem? noAccount = null)
        {
            var problems = new List<ValidationProblem>();
            var verb = (method ?? "GET").Trim().ToUpperInvariant();
            if (!Methods.Contains(verb)) problems.Add(new ValidationProblem("Method", Suggestions.NotOneOf(method, Methods, "method for Dintero's API")));
            var resolved = RequestPath.Resolve(path, accountId, apiRoot, problems, out var pathQuery, out var account, noAccount);
            if (accountGiven && resolved != null && account != accountId)
            {
                problems.Add(new ValidationProblem("Path", $"names account {account}, and -AccountId is {accountId}: give the account once, or write {{aid}} in the path for -AccountId's."));
            }
            var pairs = pathQuery.Concat(QueryPairs(query, problems)).ToList();
            var bytes = BodyBytes(body, verb, problems);
            if (problems.Count > 0) throw new DinteroValidationException("The request", problems);
            return new DinteroRequest(verb, account!, resolved!, pairs, bytes);
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
    }
}
