namespace Dintero.Emulator;

/// <summary>A clock that stands still until a test moves it.</summary>
public sealed class AdjustableTimeProvider : TimeProvider
{
    private long ticks;

    public AdjustableTimeProvider(DateTimeOffset start) => ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
