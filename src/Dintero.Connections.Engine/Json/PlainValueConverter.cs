using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dintero.Connections.Json
{
    /// <summary>
    /// Reads free-form JSON (metadata, unknown fields) into plain .NET values: dictionaries, lists, strings,
    /// booleans, <see cref="long"/> or <see cref="decimal"/> numbers. Plain values read well in PowerShell and
    /// keep System.Text.Json types out of the engine's public surface.
    /// </summary>
    internal sealed class PlainValueConverter : JsonConverter<object?>
    {
        public override bool HandleNull => true;

        public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null: return null;
                case JsonTokenType.True: return true;
                case JsonTokenType.False: return false;
                case JsonTokenType.String: return reader.GetString();
                case JsonTokenType.Number: return ReadNumber(ref reader);
                case JsonTokenType.StartArray:
                    var list = new List<object?>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        list.Add(Read(ref reader, typeof(object), options));
                    }
                    return list;
                case JsonTokenType.StartObject:
                    var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        var name = reader.GetString()!;
                        reader.Read();
                        map[name] = Read(ref reader, typeof(object), options);
                    }
                    return map;
                default:
                    throw new JsonException($"Unexpected JSON token {reader.TokenType}.");
            }
        }

        private static object ReadNumber(ref Utf8JsonReader reader) => JsonNumbers.Read(ref reader);

        public override void Write(Utf8JsonWriter writer, object? value, JsonSerializerOptions options)
        {
            switch (value)
            {
                case null: writer.WriteNullValue(); break;
                case string text: writer.WriteStringValue(text); break;
                case bool flag: writer.WriteBooleanValue(flag); break;
                case JsonElement element: element.WriteTo(writer); break;
                case DateTimeOffset moment: UtcDateTimeOffsetConverter.WriteValue(writer, moment); break;
                case DateTime date: UtcDateTimeOffsetConverter.WriteValue(writer, new DateTimeOffset(date.ToUniversalTime())); break;
                case Enum enumValue: writer.WriteStringValue(enumValue.ToString()); break;
                case IDictionary dictionary:
                    writer.WriteStartObject();
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty);
                        Write(writer, entry.Value, options);
                    }
                    writer.WriteEndObject();
                    break;
                case IEnumerable sequence:
                    writer.WriteStartArray();
                    foreach (var item in sequence) Write(writer, item, options);
                    writer.WriteEndArray();
                    break;
                default:
                    if (IsNumber(value))
                    {
                        writer.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!, skipInputValidation: false);
                    }
                    else
                    {
                        // A typed model or any other object: let the serializer write it by its runtime type.
                        JsonSerializer.Serialize(writer, value, value.GetType(), options);
                    }
                    break;
            }
        }

        private static bool IsNumber(object value) =>
            value is byte || value is sbyte || value is short || value is ushort || value is int || value is uint
            || value is long || value is ulong || value is float || value is double || value is decimal;
    }
}
