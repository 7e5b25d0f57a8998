using Dintero.Connections.Concurrency;
using Dintero.Connections.Logging;

namespace Dintero.Connections.Benchmarks;

/// <summary>Counts the outcomes of a bulk run and checks that they arrive in the order the rows were added.</summary>
public sealed class OrderCheck<T> : IBatchOutput<int, T>
{
    public int Count { get; private set; }
    public int Failures { get; private set; }
    public bool InOrder { get; private set; } = true;

    public bool IsLogEnabled(DinteroLogLevel level) => level >= DinteroLogLevel.Verbose;
    public void WriteLog(DinteroLogEntry entry) { }
    public void WriteProgress(BatchProgress progress) { }

    public void WriteOutcome(BatchOutcome<int, T> outcome)
    {
        InOrder &= outcome.Item == Count;
        Count++;
        if (outcome.Failure != null) Failures++;
    }
}
