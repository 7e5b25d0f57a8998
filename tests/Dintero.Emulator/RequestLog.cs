using System.Collections.Concurrent;

namespace Dintero.Emulator;


/// <summary>Every request received, in order, for tests to count and inspect.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<LoggedRequest> entries = new();
    private readonly object waitersLock = new();
    private readonly List<(Func<LoggedRequest, bool> Match, TaskCompletionSource<LoggedRequest> Arrived)> waiters = new();

    public IReadOnlyList<LoggedRequest> Entries => entries.ToArray();

    public int TokenRequests => entries.Count(entry => entry.Path.EndsWith("/auth/token", StringComparison.Ordinal));

    public int Count(string method, string pathSuffix) => entries.Count(entry => Matches(entry, method, pathSuffix));

    public void Add(LoggedRequest entry)
    {
        lock (waitersLock)
        {
            entries.Enqueue(entry);
            foreach (var waiter in waiters.Where(waiter => waiter.Match(entry)).ToList())
            {
                waiters.Remove(waiter);
                waiter.Arrived.TrySetResult(entry);
            }
        }
    }

    /// <summary>
    /// Completes when a matching request has arrived (or already had), so a test can act at the moment a call
    /// is in flight instead of guessing how long the client takes to get there.
    /// </summary>
    public Task<LoggedRequest> WaitForAsync(string method, string pathSuffix, TimeSpan timeout)
    {
        bool Match(LoggedRequest entry) => Matches(entry, method, pathSuffix);
        var arrived = new TaskCompletionSource<LoggedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (waitersLock)
        {
            var earlier = entries.FirstOrDefault(Match);
            if (earlier != null) return Task.FromResult(earlier);
            waiters.Add((Match, arrived));
        }
        return arrived.Task.WaitAsync(timeout);
    }

    public void Clear() => entries.Clear();

    private static bool Matches(LoggedRequest entry, string method, string pathSuffix) =>
        entry.Method == method && entry.Path.EndsWith(pathSuffix, StringComparison.Ordinal);
}
