using System.Collections.Concurrent;
using Dintero.Connections.Logging;

namespace Dintero.Connections.Engine.Tests.Support;

/// <summary>
/// Every log line and exception message the suite produces, checked as it arrives against the secrets and
/// personal values the suite uses as input (and every token the emulators issued). A leak fails the test in
/// which it happens, through <see cref="AssertClean"/>, which every <see cref="TestEnvironment"/> calls.
/// </summary>
public sealed class Transcript : ILogSink
{
    private static readonly ConcurrentQueue<string> SuiteLines = new();
    private readonly ConcurrentQueue<string> lines = new();

    /// <summary>All lines of the whole run so far.</summary>
    public static IReadOnlyCollection<string> Suite => SuiteLines.ToArray();

    public IReadOnlyCollection<string> Lines => lines.ToArray();

    public IReadOnlyCollection<DinteroLogEntry> Entries => entries.ToArray();

    private readonly ConcurrentQueue<DinteroLogEntry> entries = new();

    /// <summary>Every level: the leak scan reads Debug lines too.</summary>
    public bool IsEnabled(DinteroLogLevel level) => true;

    public void Write(DinteroLogEntry entry)
    {
        entries.Enqueue(entry);
        Add(entry.Message);
    }

    /// <summary>Records an exception's message and its full text (type, inner exceptions, stack).</summary>
    public void Exception(Exception exception)
    {
        Add(exception.Message);
        Add(exception.ToString());
        if (exception is Dintero.Connections.Errors.DinteroApiException api)
        {
            Add(api.DinteroMessage);
            foreach (var field in api.AllFieldErrors()) Add(field.ToString());
        }
    }

    public void Add(string line)
    {
        lines.Enqueue(line);
        SuiteLines.Enqueue(line);
    }

    public static void AssertClean(IEnumerable<string> lines, IEnumerable<string> secrets)
    {
        var secretList = secrets.Where(secret => !string.IsNullOrEmpty(secret)).ToList();
        foreach (var line in lines)
        {
            foreach (var secret in secretList)
            {
                Assert.False(line.Contains(secret, StringComparison.Ordinal), $"A secret or personal value leaked into: {line[..Math.Min(line.Length, 300)]}");
            }
        }
    }
}
