namespace Dintero.Emulator.State;

/// <summary>
/// Moves the approval cases as time passes when <see cref="EmulatorOptions.ApprovalStepAfter"/> is set, so that their
/// events go out when a step is due, not only when someone reads the list (which brings them up to date too). Looks a
/// few times a second, at the emulator's clock: a manual clock moved by a test is seen at the next look.
/// </summary>
public sealed class ApprovalTicker : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(100);
    private readonly ApprovalDesk desk;
    private readonly EmulatorOptions options;

    public ApprovalTicker(ApprovalDesk desk, EmulatorOptions options)
    {
        this.desk = desk;
        this.options = options;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.ApprovalStepAfter == null) return;
        using var timer = new PeriodicTimer(Every);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) desk.Tick();
        }
        catch (OperationCanceledException)
        {
            // The emulator stops.
        }
    }
}
