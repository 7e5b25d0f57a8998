namespace Dintero.Connections.Benchmarks;

/// <summary>
/// Where a bench runs a batch's owner, as a cmdlet runs it on PowerShell's pipeline thread: a thread of its own, not one
/// of the thread pool. The owner blocks while it waits for calls; on a pool thread that would take one of the few the pool
/// starts with (two on two cores) from the calls' continuations and from the in-process emulator, and the pool's slow
/// ramp, not the module, would set the pace at -ThrottleLimit 32 and above.
/// </summary>
internal static class PipelineThread
{
    public static Task Run(Action owner)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                owner();
                done.SetResult();
            }
            catch (Exception exception)
            {
                done.SetException(exception);
            }
        })
        { IsBackground = true, Name = "Pipeline" };
        thread.Start();
        return done.Task;
    }
}
