using Dintero.Connections.Time;
using Dintero.Emulator;

namespace Dintero.Connections.Engine.Tests.Support;

/// <summary>
/// One notion of now for the client and the emulator, moved by the test; delays are recorded and return at
/// once, so retry waits and token expiry are tested without real waiting.
/// </summary>
internal sealed class ManualClock : IClock
{
    private readonly List<TimeSpan> delays = new();

    public AdjustableTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero));

    public DateTimeOffset UtcNow => Time.GetUtcNow();

    public IReadOnlyList<TimeSpan> Delays
    {
        get { lock (delays) return delays.ToList(); }
    }

    public void Advance(TimeSpan by) => Time.Advance(by);

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (delays) delays.Add(delay);
        return Task.CompletedTask;
    }
}
