using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Dintero.Connections.Models;
using Dintero.Connections.Redaction;

namespace Dintero.Connections.Requests
{
    /// <summary>
    /// Reads an answer's JSON into plain values for Invoke-DinteroRequest: objects as dictionaries in document order,
    /// numbers as <see cref="long"/> or <see cref="decimal"/> (<see cref="double"/> beyond), and the values of the fields
    /// <see cref="Redactor.IsSensitiveField"/> names as <see cref="DinteroSecret"/>, as the typed cmdlets hold them, so that
    /// ConvertTo-Json of the output writes no credential.
    /// </summary>
    internal static class ResponseContent
    {
        /// <exception cref="FormatException">The body is not JSON.</exception>
        public static object? Read(byte[] utf8Json)
        {
            if (utf8Json.Length == 0 || utf8Json.All(b => b == ' ' || b == '\n' || b == '\r' || b == '\t')) return null;
            try
            {
                using var document = JsonDocument.Parse(utf8Json);
                return Value(document.RootElement, secret: false);
            }
            catch (JsonException exception)
            {
                throw new FormatException("The answer is not JSON: " + exception.Message.Split('.')[0], exception);
            }
        }

        private static object? Value(JsonElement element, bool secret)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var property in element.EnumerateObject()) map[property.Name] = Value(property.Value, Redactor.IsSensitiveField(property.Name));
                    return map;
                case JsonValueKind.Array:
                    return element.EnumerateArray().Select(item => Value(item, secret)).ToList();
                case JsonValueKind.String:
                    return secret ? new DinteroSecret(element.GetString()!) : (object?)element.GetString();
                case JsonValueKind.Number:
                    if (secret) return new DinteroSecret(element.GetRawText(), isNumber: true);
                    return Json.JsonNumbers.Of(element);
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                default: return null;
            }
        }
    }
}
