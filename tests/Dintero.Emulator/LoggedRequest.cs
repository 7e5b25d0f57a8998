namespace Dintero.Emulator;

/// <summary>One request as the emulator saw it.</summary>
public sealed record LoggedRequest(
    DateTimeOffset At,
    string Method,
    string Path,
    string? AuthorizationScheme,
    string? UserAgent,
    string? SystemName,
    string? SystemVersion,
    string Body)
{
    public int Status { get; set; }

    /// <summary>The query string, from <c>?</c>; empty when there is none.</summary>
    public string Query { get; init; } = string.Empty;

    /// <summary>The client's <c>X-Request-Id</c>, the id its error records give.</summary>
    public string? RequestId { get; init; }

    /// <summary>The <c>Via</c> header a forward proxy adds on its way through (tinyproxy does); null when the request came directly.</summary>
    public string? Via { get; init; }
}
