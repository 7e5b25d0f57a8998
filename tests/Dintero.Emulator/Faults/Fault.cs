namespace Dintero.Emulator.Faults;

/// <summary>
/// A scripted misbehaviour for requests matching <see cref="Method"/> and <see cref="Path"/> (a path with
/// <c>*</c> for one segment, e.g. <c>/v1/accounts/*/management/settings/connections/common</c>), applied to the
/// next <see cref="Times"/> such requests.
/// </summary>
/// <remarks>Plain data: the engine's tests on .NET Framework compile this file in and send faults to an emulator host as JSON.</remarks>
public sealed class Fault
{
    /// <summary>HTTP method, or <c>*</c> for any.</summary>
    public string Method { get; set; } = "*";

    public string Path { get; set; } = "*";

    /// <summary>How many matching requests it applies to; -1 for all.</summary>
    public int Times { get; set; } = 1;

    /// <summary>
    /// The share of matching requests it applies to, 0 to 1, drawn from a generator seeded with <see cref="Seed"/>: a
    /// soak test's mix of faults (5 % 429, 1 % dropped answers, ...). Null: every matching request, up to <see cref="Times"/>.
    /// </summary>
    public double? Share { get; set; }

    /// <summary>With <see cref="Share"/>: the seed, so that a run's mix can be had again.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>How many requests it was applied to (the injector counts; /_emulator/faults reports it).</summary>
    [System.Text.Json.Serialization.JsonInclude]
    public int Applied { get; internal set; }

    /// <summary>Answer with this status instead of handling the request (e.g. 429, 500, 502, 503).</summary>
    public int? Status { get; set; }

    /// <summary>With a status: the <c>Retry-After</c> header, in seconds.</summary>
    public int? RetryAfterSeconds { get; set; }

    /// <summary>With a status: this body instead of a Dintero error body.</summary>
    public string? Body { get; set; }

    /// <summary>With a status: more headers for the answer, e.g. a gateway's request id.</summary>
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary>With <see cref="Body"/>: its content type.</summary>
    public string ContentType { get; set; } = "application/json";

    /// <summary>Wait this long before answering.</summary>
    public int DelayMilliseconds { get; set; }

    /// <summary>Close the connection without answering.</summary>
    public bool Drop { get; set; }

    /// <summary>Answer 200 with a truncated JSON body.</summary>
    public bool Malformed { get; set; }

    /// <summary>
    /// Handle the request for real (a signup is stored) and only then misbehave: the delay, drop or malformed
    /// body comes after the work is done, as when an answer is lost on its way back.
    /// </summary>
    public bool AfterProcessing { get; set; }

    internal bool Matches(string method, string path)
    {
        if (Method != "*" && !string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) return false;
        if (Path == "*") return true;
        var pattern = Path.Trim('/').Split('/');
        var actual = path.Trim('/').Split('/');
        if (pattern.Length != actual.Length) return false;
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != "*" && !string.Equals(pattern[i], actual[i], StringComparison.Ordinal)) return false;
        }
        return true;
    }
}
