using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dintero.Connections.Clients;
using Dintero.Connections.Errors;
using Dintero.Connections.Redaction;

namespace Dintero.Connections.Http
{
    /// <summary>
    /// Turns an error answer into a <see cref="DinteroApiException"/>: Dintero's <c>{"error": {code, message, errors}}</c>
    /// when the body is that, and a readable summary when it is not (an HTML page from a proxy, an empty body).
    /// </summary>
    internal static class ErrorResponseReader
    {
        private static readonly string[] PathFields = { "path", "dataPath", "instancePath", "field", "property", "name" };
        private static readonly string[] CodeFields = { "code", "keyword", "type" };
        private static readonly Regex Tags = new Regex("<(script|style)[^>]*>.*?</\\1>|<[^>]+>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.Compiled);
        private static readonly Regex Title = new Regex("<title[^>]*>(.*?)</title>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.Compiled);
        private static readonly Regex Space = new Regex("\\s+", RegexOptions.Compiled);

        /// <param name="response">The error answer.</param>
        /// <param name="body">Its body, as text.</param>
        /// <param name="now">Now, on the client's clock (for Retry-After as a date).</param>
        /// <param name="redactor">Cleans what the answer echoes of the request.</param>
        /// <param name="sensitiveValues">The request's personal values, masked too.</param>
        /// <param name="advice">What to do, when the caller knows better than the status does (a refused token request, a change that may have been done).</param>
        /// <param name="mayHaveBeenDone">A change answered with a 5xx: not sent again, and perhaps done all the same.</param>
        /// <param name="context">What the handlers learnt of the request (its retries, a wait refused); null when unknown.</param>
        public static DinteroApiException ToException(HttpResponseMessage response, string body, DateTimeOffset now, Redactor redactor, IReadOnlyCollection<string> sensitiveValues, string? advice, bool mayHaveBeenDone = false, RequestContext? context = null)
        {
            var status = (int)response.StatusCode;
            var request = response.RequestMessage;
            var method = request?.Method.Method ?? "?";
            var path = request?.RequestUri?.AbsolutePath ?? "?";
            var retryAfter = RetryAfter.Of(response, now);
            var trace = RequestIds.Of(response, now);
            var headers = AnswerHeaders.Of(response, redactor);
            var retries = context?.Retries ?? 0;
            var waitRefused = status == 429 ? context?.WaitRefused : null;
            string Clean(string? text) => redactor.Redact(text, sensitiveValues);
            // A throttling give-up or a redirect says so whoever asked; the token calls' own advice would hide it.
            advice = status == 429 || IsRedirect(status) ? AdviceFor(status, retryAfter, retries, waitRefused) : advice ?? AdviceFor(status, retryAfter, retries, waitRefused);

            if (IsRedirect(status))
            {
                var location = response.Headers.Location == null ? null : Clean(response.Headers.Location.IsAbsoluteUri ? response.Headers.Location.AbsoluteUri : response.Headers.Location.OriginalString);
                var redirect = $"a redirect to {location ?? "nowhere (no Location)"}, which is not followed: only Dintero's own answers count, and nothing was sent there or sent again";
                return new DinteroApiException(status, method, path, null, redirect, Array.Empty<DinteroFieldError>(), retryAfter, advice, trace, headers, mayHaveBeenDone, retries, null, location ?? string.Empty);
            }

            if (TryReadDinteroError(body, out var code, out var message, out var fieldErrors))
            {
                var redactedErrors = fieldErrors.Select(error => RedactField(error, Clean)).ToList();
                return new DinteroApiException(status, method, path, code, Clean(message), redactedErrors, retryAfter, advice, trace, headers, mayHaveBeenDone, retries, waitRefused);
            }

            var summary = Summarize(response, body);
            return new DinteroApiException(status, method, path, null, Clean(summary), Array.Empty<DinteroFieldError>(), retryAfter, advice, trace, headers, mayHaveBeenDone, retries, waitRefused);
        }

        private static bool IsRedirect(int status) => status >= 300 && status < 400;

        private static string? AdviceFor(int status, TimeSpan? retryAfter, int retries, TimeSpan? waitRefused) => status switch
        {
            401 => "The token was refused; run Connect-Dintero again if the client's secret was changed.",
            403 => $"The API client lacks the scope for this call: creating a connection needs {ClientScopes.AccountsAdmin} or {ClientScopes.AccountsWrite}, reading needs {ClientScopes.AccountsRead}.",
            429 when waitRefused.HasValue => $"Dintero asked to wait {waitRefused.Value.TotalSeconds:0} s before more requests, longer than the client waits by itself (-MaxRetryAfter): no retry was made, and the command sent nothing more. "
                + "Nothing was processed: run the same input again later (what was done is skipped), or connect with a longer -MaxRetryAfter.",
            429 => (retries == 0
                    ? "Dintero limited the request rate, and no retry was made (-MaxRetries 0)"
                    : $"Dintero still limited the request rate after {retries} {(retries == 1 ? "retry" : "retries")}")
                + (retryAfter.HasValue ? $"; it asked to wait {retryAfter.Value.TotalSeconds:0} s." : ".")
                + " Nothing was processed: send it again later, with a lower -ThrottleLimit, or connect with a longer -MaxRetryAfter.",
            _ when IsRedirect(status) => "Check the base URI (Get-DinteroContext): Dintero's API answers its requests itself. A proxy or gateway on the way may be redirecting them.",
            _ => null,
        };

        private static bool TryReadDinteroError(string body, out string? code, out string message, out List<DinteroFieldError> fieldErrors)
        {
            code = null;
            message = string.Empty;
            fieldErrors = new List<DinteroFieldError>();
            if (string.IsNullOrWhiteSpace(body)) return false;
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error", out var error)) return false;
                if (error.ValueKind == JsonValueKind.String)
                {
                    // Some gateways answer {"error": "text"}.
                    message = error.GetString() ?? string.Empty;
                    return true;
                }
                if (error.ValueKind != JsonValueKind.Object) return false;
                code = ReadString(error, "code");
                message = ReadString(error, "message") ?? code ?? "(Dintero gave no message)";
                if (error.TryGetProperty("errors", out var errors)) fieldErrors = ReadFieldErrors(errors);
                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        private static List<DinteroFieldError> ReadFieldErrors(JsonElement errors)
        {
            var result = new List<DinteroFieldError>();
            if (errors.ValueKind != JsonValueKind.Array) return result;
            foreach (var item in errors.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    result.Add(new DinteroFieldError(null, item.GetString(), null, Array.Empty<DinteroFieldError>()));
                }
                else if (item.ValueKind == JsonValueKind.Object)
                {
                    var path = PathFields.Select(field => ReadString(item, field)).FirstOrDefault(value => value != null);
                    var code = CodeFields.Select(field => ReadString(item, field)).FirstOrDefault(value => value != null);
                    var nested = item.TryGetProperty("errors", out var inner) ? ReadFieldErrors(inner) : new List<DinteroFieldError>();
                    result.Add(new DinteroFieldError(NormalizePath(path), ReadString(item, "message"), code, nested));
                }
            }
            return result;
        }

        // ajv-style paths (".signup.store_type", "/signup/store_type/0") read as "signup.store_type[0]".
        private static string? NormalizePath(string? path)
        {
            if (string.IsNullOrEmpty(path)) return path;
            var segments = path!.Split(new[] { '/', '.' }, StringSplitOptions.RemoveEmptyEntries);
            var text = string.Empty;
            foreach (var segment in segments)
            {
                text += segment.All(char.IsDigit) ? $"[{segment}]" : (text.Length == 0 ? segment : "." + segment);
            }
            return text;
        }

        private static string? ReadString(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static DinteroFieldError RedactField(DinteroFieldError error, Func<string?, string> clean) =>
            new DinteroFieldError(
                error.Path,
                error.Message == null ? null : clean(error.Message),
                error.Code,
                error.Errors.Select(inner => RedactField(inner, clean)).ToList());

        private static string Summarize(HttpResponseMessage response, string body)
        {
            var reason = string.IsNullOrEmpty(response.ReasonPhrase) ? string.Empty : " " + response.ReasonPhrase;
            var mediaType = response.Content?.Headers.ContentType?.MediaType ?? "no content type";
            if (string.IsNullOrWhiteSpace(body)) return $"HTTP {(int)response.StatusCode}{reason} with an empty body.";
            var title = Title.Match(body);
            var text = title.Success ? title.Groups[1].Value : Tags.Replace(body, " ");
            text = Space.Replace(text, " ").Trim();
            if (text.Length > 200) text = text.Substring(0, 200) + "…";
            return $"HTTP {(int)response.StatusCode}{reason}, not a Dintero error body ({mediaType}): {text}";
        }
    }
}
