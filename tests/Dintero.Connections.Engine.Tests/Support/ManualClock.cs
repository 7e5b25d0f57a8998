using Dintero.Connections.Time;

namespace Dintero.Connections.Engine.Tests.Support;

/// <summary>
/// One notion of now for the client and the emulator, moved by the test; delays are recorded and return at
/// once, so retry waits and token expiry are tested without real waiting. The emulator's clock starts at the same
/// time (<see cref="Dintero.Emulator.EmulatorOptions.ManualClockStart"/>) and moves with every <see cref="Advance"/>.
/// </summary>
internal sealed class ManualClock : IClock
{
    private readonly List<TimeSpan> delays = new();
    private long ticks = new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero).UtcTicks;

    public DateTimeOffset UtcNow => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public IReadOnlyList<TimeSpan> Delays
    {
        get { lock (delays) return delays.ToList(); }
    }

    /// <summary>Told of every move, so the emulator's clock moves alike.</summary>
    public Action<TimeSpan>? Moved { get; set; }

    public void Advance(TimeSpan by)
    {
        Interlocked.Add(ref ticks, by.Ticks);
        Moved?.Invoke(by);
    }

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (delays) delays.Add(delay);
        return Task.CompletedTask;
    }
}
