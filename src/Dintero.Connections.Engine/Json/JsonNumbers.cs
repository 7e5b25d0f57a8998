using System.Text.Json;

namespace Dintero.Connections.Json
{
    /// <summary>
    /// The one rule for a JSON number read into a plain value, wherever free-form JSON is read (a free field of a model,
    /// Invoke-DinteroRequest's answers): a whole number as a long, else a decimal when it holds the number exactly (money,
    /// percentages), else a double.
    /// </summary>
    internal static class JsonNumbers
    {
        public static object Read(ref Utf8JsonReader reader)
        {
            if (reader.TryGetInt64(out var integer)) return integer;
            if (reader.TryGetDecimal(out var exact)) return exact;
            return reader.GetDouble();
        }

        public static object Of(JsonElement element)
        {
            if (element.TryGetInt64(out var integer)) return integer;
            if (element.TryGetDecimal(out var exact)) return exact;
            return element.GetDouble();
        }
    }
}
