using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dintero.Emulator;

/// <summary>Writes JSON as Dintero does: "+" and non-ASCII letters as they are, not as \u escapes.</summary>
internal static class EmulatorJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
