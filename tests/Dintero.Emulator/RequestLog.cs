using System.Collections.Concurrent;

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
}

/// <summary>Every request received, in order, for tests to count and inspect.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<LoggedRequest> entries = new();

    public IReadOnlyList<LoggedRequest> Entries => entries.ToArray();

    public int TokenRequests => entries.Count(entry => entry.Path.EndsWith("/auth/token", StringComparison.Ordinal));

    public int Count(string method, string pathSuffix) =>
        entries.Count(entry => entry.Method == method && entry.Path.EndsWith(pathSuffix, StringComparison.Ordinal));

    public void Add(LoggedRequest entry) => entries.Enqueue(entry);

    public void Clear() => entries.Clear();
}
