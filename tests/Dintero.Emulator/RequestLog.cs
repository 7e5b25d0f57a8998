namespace Dintero.Emulator;


/// <summary>
/// Every request received, in order, for tests to count and inspect; or, with a limit
/// (<see cref="EmulatorOptions.RequestLogLimit"/>), only the last so many, so that a long run keeps the emulator's size
/// bounded. Adding one costs the same however many were kept; what the log answers (<see cref="Entries"/>,
/// <see cref="Count"/>, <see cref="TokenRequests"/>, <see cref="WaitForAsync"/>) is of the requests it keeps.
/// </summary>
public sealed class RequestLog
{
    private readonly Queue<LoggedRequest> entries = new();
    private readonly int? limit;
    private readonly object gate = new();
    private readonly List<(Func<LoggedRequest, bool> Match, TaskCompletionSource<LoggedRequest> Arrived)> waiters = new();

    /// <param name="limit">Null: every request; else the last this many (0 or more).</param>
    public RequestLog(int? limit = null)
    {
        if (limit < 0) throw new ArgumentOutOfRangeException(nameof(limit), limit, "The request log keeps 0 or more requests.");
        this.limit = limit;
    }

    /// <summary>Null: the log keeps every request; else how many it keeps, the last ones.</summary>
    public int? Limit => limit;

    public IReadOnlyList<LoggedRequest> Entries
    {
        get { lock (gate) return entries.ToArray(); }
    }

    public int TokenRequests => Entries.Count(entry => entry.Path.EndsWith("/auth/token", StringComparison.Ordinal));

    public int Count(string method, string pathSuffix) => Entries.Count(entry => Matches(entry, method, pathSuffix));

    public void Add(LoggedRequest entry)
    {
        lock (gate)
        {
            entries.Enqueue(entry);
            if (entries.Count > limit) entries.Dequeue();
            if (waiters.Count == 0) return;
            foreach (var waiter in waiters.Where(waiter => waiter.Match(entry)).ToList())
            {
                waiters.Remove(waiter);
                waiter.Arrived.TrySetResult(entry);
            }
        }
    }

    /// <summary>
    /// Completes when a matching request has arrived (or already had, and is still kept), so a test can act at the moment a
    /// call is in flight instead of guessing how long the client takes to get there.
    /// </summary>
    public Task<LoggedRequest> WaitForAsync(string method, string pathSuffix, TimeSpan timeout)
    {
        bool Match(LoggedRequest entry) => Matches(entry, method, pathSuffix);
        var arrived = new TaskCompletionSource<LoggedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            var earlier = entries.FirstOrDefault(Match);
            if (earlier != null) return Task.FromResult(earlier);
            waiters.Add((Match, arrived));
        }
        return arrived.Task.WaitAsync(timeout);
    }

    public void Clear()
    {
        lock (gate) entries.Clear();
    }

    private static bool Matches(LoggedRequest entry, string method, string pathSuffix) =>
        entry.Method == method && entry.Path.EndsWith(pathSuffix, StringComparison.Ordinal);
}
