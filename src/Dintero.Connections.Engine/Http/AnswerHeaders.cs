using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using Dintero.Connections.Redaction;

namespace Dintero.Connections.Http
{
    /// <summary>The headers of an answer as a script reads them: one comma-joined value per name, case-insensitive, redacted.</summary>
    internal static class AnswerHeaders
    {
        // Never handed on: a cookie may be a session.
        private static readonly string[] Withheld = { "Set-Cookie", "Set-Cookie2" };

        public static IReadOnlyDictionary<string, string> Of(HttpResponseMessage response, Redactor redactor)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            void Add(IEnumerable<KeyValuePair<string, IEnumerable<string>>> source)
            {
                foreach (var header in source)
                {
                    headers[header.Key] = Withheld.Contains(header.Key, StringComparer.OrdinalIgnoreCase)
                        ? Redactor.Mask
                        : redactor.Redact(string.Join(", ", header.Value));
                }
            }
            Add(response.Headers);
            if (response.Content != null) Add(response.Content.Headers);
            return headers;
        }
    }
}
