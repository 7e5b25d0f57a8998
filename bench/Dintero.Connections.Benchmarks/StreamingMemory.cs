using Dintero.Connections.Binding;
using Dintero.Connections.Models;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Benchmarks;

/// <summary>The heap while a long sheet streams through binding and validation: it must stay flat, nothing kept per row.</summary>
public static class StreamingMemory
{
    public static void Run(int count)
    {
        long heapAfter100 = 0;
        for (var i = 0; i < count; i++)
        {
            var bound = InputBinder.BindInput<CommonConnectionSignup>(Samples.Row(i), "The Common signup", SignupValidator.Root, Samples.ParameterKeys);
            if (SignupValidator.Validate(bound.Model).Count != 0) throw new InvalidOperationException("A sample row is invalid.");
            if (i + 1 == 100) heapAfter100 = Heap();
        }
        var heapAfterAll = Heap();
        var grown = heapAfterAll - heapAfter100;
        Console.WriteLine($"Binding and validating {count:N0} Import-Csv rows, one after the other");
        Console.WriteLine($"  heap after 100: {heapAfter100 / 1024.0 / 1024:0.00} MiB, after {count:N0}: {heapAfterAll / 1024.0 / 1024:0.00} MiB; grown {grown / 1024.0:0} KiB (target <= 1024 KiB) {Harness.Verdict(grown <= 1024 * 1024)}");
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
