using System;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Dintero.Connections.Json
{
    /// <summary>Reads and writes Dintero's JSON: wire names as they are, nulls left out, unknown fields kept.</summary>
    public static class DinteroJson
    {
        internal static readonly JsonSerializerOptions Options = CreateOptions();

        /// <summary>Writes a model (or any plain value) as Dintero JSON.</summary>
        public static string Serialize(object? value, bool indented = false)
        {
            if (value == null) return "null";
            return indented
                ? JsonSerializer.Serialize(value, value.GetType(), IndentedOptions)
                : JsonSerializer.Serialize(value, value.GetType(), Options);
        }

        /// <summary>Writes a model as UTF-8 JSON bytes, what a request body is sent as (no detour through a UTF-16 string).</summary>
        public static byte[] SerializeToUtf8Bytes(object value) => JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), Options);

        /// <summary>Reads Dintero JSON from UTF-8 bytes, as an answer arrives, into a model.</summary>
        /// <exception cref="FormatException">The bytes are not JSON of the model's shape.</exception>
        public static T Deserialize<T>(byte[] utf8Json)
        {
            try
            {
                return JsonSerializer.Deserialize<T>(utf8Json, Options) ?? throw new FormatException($"The JSON document is null where a {typeof(T).Name} was expected.");
            }
            catch (JsonException exception)
            {
                throw new FormatException($"The JSON document is not a valid {typeof(T).Name}: {exception.Message}", exception);
            }
        }

        /// <summary>Reads Dintero JSON from UTF-8 bytes into a model of a type known at run time (a connection kind's).</summary>
        /// <exception cref="FormatException">The bytes are not JSON of the model's shape.</exception>
        public static object Deserialize(byte[] utf8Json, Type type)
        {
            try
            {
                return JsonSerializer.Deserialize(utf8Json, type, Options) ?? throw new FormatException($"The JSON document is null where a {type.Name} was expected.");
            }
            catch (JsonException exception)
            {
                throw new FormatException($"The JSON document is not a valid {type.Name}: {exception.Message}", exception);
            }
        }

        /// <summary>Reads Dintero JSON into a model.</summary>
        /// <exception cref="FormatException">The text is not JSON of the model's shape.</exception>
        public static T Deserialize<T>(string json)
        {
            try
            {
                return JsonSerializer.Deserialize<T>(json, Options)
                    ?? throw new FormatException($"The JSON document is null where a {typeof(T).Name} was expected.");
            }
            catch (JsonException exception)
            {
                // The JSON exception's message names the path and the position but never the value.
                throw new FormatException($"The JSON document is not a valid {typeof(T).Name}: {exception.Message}", exception);
            }
        }

        /// <summary>Reads free-form JSON into plain values: dictionaries, lists, strings, booleans and numbers.</summary>
        public static object? ParsePlain(string json) => Deserialize<object?>(json);

        private static readonly JsonSerializerOptions IndentedOptions = new JsonSerializerOptions(Options) { WriteIndented = true };

        private static JsonSerializerOptions CreateOptions()
        {
            var options = new JsonSerializerOptions
            {
                DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
                PropertyNameCaseInsensitive = false,
                NumberHandling = JsonNumberHandling.Strict,
                TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { ModelContract.AddExtensionData } },
                // JSON for an API and for the module's own lines, never for HTML: '+' and 'ø' as they are. The default
                // encoder wrote a phone number's '+' as \u002B, which hid the number's shape from the redactor in -Debug.
                Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            };
            options.Converters.Add(new PlainValueConverter());
            options.Converters.Add(new SecretConverter());
            options.Converters.Add(new UtcDateTimeOffsetConverter());
            options.MakeReadOnly();
            return options;
        }
    }
}
