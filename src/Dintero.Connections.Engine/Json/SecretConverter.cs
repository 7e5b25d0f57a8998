using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dintero.Connections.Models;

namespace Dintero.Connections.Json
{
    /// <summary>
    /// Reads a credential field as a <see cref="DinteroSecret"/> and writes it back as it came: a string as a string, a
    /// number (Bambora's access_token is documented as one) as the same number.
    /// </summary>
    internal sealed class SecretConverter : JsonConverter<DinteroSecret>
    {
        public override DinteroSecret? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    return new DinteroSecret(reader.GetString()!);
                case JsonTokenType.Number:
                    using (var number = JsonDocument.ParseValue(ref reader))
                    {
                        return new DinteroSecret(number.RootElement.GetRawText(), isNumber: true);
                    }
                default:
                    // The message names the token, never a value.
                    throw new JsonException($"Expected a string or a number for a secret, got {reader.TokenType}.");
            }
        }

        public override void Write(Utf8JsonWriter writer, DinteroSecret value, JsonSerializerOptions options)
        {
            if (value.IsNumber) writer.WriteRawValue(value.GetPlainText(), skipInputValidation: false);
            else writer.WriteStringValue(value.GetPlainText());
        }
    }
}
