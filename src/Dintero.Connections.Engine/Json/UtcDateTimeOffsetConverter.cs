using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dintero.Connections.Json
{
    /// <summary>
    /// Writes UTC times as Dintero does (<c>2023-11-07T05:31:56Z</c>) rather than with a <c>+00:00</c> offset,
    /// so a timestamp read from an answer is written back unchanged.
    /// </summary>
    internal sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // ISO 8601, as Dintero writes every timestamp: read off the bytes, with no string made. Any other text is
            // tried as .NET reads dates (a sheet's "2023-11-07 05:31").
            if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var iso)) return iso;
            var text = reader.GetString();
            if (text != null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value))
            {
                return value;
            }
            throw new JsonException($"'{text}' is not an ISO 8601 date-time.");
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            WriteValue(writer, value);

        internal static void WriteValue(Utf8JsonWriter writer, DateTimeOffset value) =>
            writer.WriteStringValue(Format(value));

        internal static string Format(DateTimeOffset value) =>
            value.Offset == TimeSpan.Zero
                ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
                : value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
    }
}
