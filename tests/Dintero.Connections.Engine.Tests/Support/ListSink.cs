using System.Collections.Concurrent;
using Dintero.Connections.Logging;

namespace Dintero.Connections.Engine.Tests.Support;

/// <summary>A log sink that keeps the lines of the levels it wants.</summary>
public sealed class ListSink(DinteroLogLevel minimum) : ILogSink
{
    private readonly ConcurrentQueue<DinteroLogEntry> entries = new();

    public IReadOnlyCollection<DinteroLogEntry> Entries => entries.ToArray();

    public bool IsEnabled(DinteroLogLevel level) => level >= minimum;

    public void Write(DinteroLogEntry entry) => entries.Enqueue(entry);
}
