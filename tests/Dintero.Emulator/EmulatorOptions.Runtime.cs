namespace Dintero.Emulator;

/// <summary>What only a running emulator has of its options: the clock every endpoint reads.</summary>
public sealed partial class EmulatorOptions
{
    private TimeProvider? clock;

    /// <summary>
    /// The emulator's notion of now: the system's, or with <see cref="ManualClockStart"/> one that stands still until
    /// <c>/_emulator/clock/advance</c> moves it (tests expire tokens without waiting).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public TimeProvider Clock => clock ??= ManualClockStart is { } start ? new AdjustableTimeProvider(start) : TimeProvider.System;
}
