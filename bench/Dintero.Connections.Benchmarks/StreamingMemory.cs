using System.Diagnostics;
using Dintero.Connections.Binding;
using Dintero.Connections.Models;
using Dintero.Connections.Validation;

namespace Dintero.Connections.Benchmarks;

/// <summary>The heap while a long sheet streams through binding and validation: it must stay flat, nothing kept per row.</summary>
public static class StreamingMemory
{
    public static void Run(int count)
    {
        var rows = Enumerable.Range(0, 1_000).Select(index => Samples.Row(index)).ToArray();
        // Let the JIT settle: tiered compilation replaces hot methods only after they have run a while.
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; warmUp.Elapsed < Harness.WarmUp; i++) BindAndValidate(rows[i % rows.Length]);

        long heapAfter100 = 0;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            BindAndValidate(rows[i % rows.Length]);
            if (i + 1 == 100)
            {
                watch.Stop();
                heapAfter100 = Heap();
                watch.Start();
            }
        }
        watch.Stop();
        var allocatedPerRow = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)count;
        var heapAfterAll = Heap();
        GC.KeepAlive(rows);
        var grown = heapAfterAll - heapAfter100;
        Console.WriteLine($"Binding and validating {count:N0} Import-Csv rows (16 columns), one after the other");
        Console.WriteLine($"  per row: {watch.Elapsed.TotalMicroseconds / count:0.0} us, {allocatedPerRow / 1024:0.0} KiB allocated");
        Console.WriteLine($"  heap after 100: {heapAfter100 / 1024.0 / 1024:0.00} MiB, after {count:N0}: {heapAfterAll / 1024.0 / 1024:0.00} MiB; grown {grown / 1024.0:0} KiB (target <= 1024 KiB) {Harness.Verdict(grown <= 1024 * 1024)}");
    }

    private static void BindAndValidate(System.Collections.Specialized.OrderedDictionary row)
    {
        var bound = InputBinder.BindInput<CommonConnectionSignup>(row, "The Common signup", SignupValidator.Root, Samples.ParameterKeys);
        if (SignupValidator.Validate(bound.Model).Count != 0) throw new InvalidOperationException("A sample row is invalid.");
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
