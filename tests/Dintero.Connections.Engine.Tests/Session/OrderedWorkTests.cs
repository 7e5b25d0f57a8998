using Dintero.Connections.Pipeline;

namespace Dintero.Connections.Tests.Session;

public sealed class OrderedWorkTests
{
    [Fact]
    public void With_a_limit_of_one_each_item_completes_before_the_next_starts()
    {
        var work = new OrderedWork<int>(1);
        var running = 0;
        var most = 0;

        var results = Enumerable.Range(0, 5).SelectMany(i => work.Add(async () =>
        {
            most = Math.Max(most, Interlocked.Increment(ref running));
            await Task.Delay(5);
            Interlocked.Decrement(ref running);
            return i;
        }).ToList()).Concat(work.Drain()).ToList();

        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, results);
        Assert.Equal(1, most);
    }

    [Fact]
    public void With_a_higher_limit_items_overlap_and_results_keep_input_order()
    {
        var work = new OrderedWork<int>(3);
        var gate = new SemaphoreSlim(0);
        var started = 0;
        var early = new List<int>();

        // The first item waits until the third has started: only possible when three are in flight at once.
        early.AddRange(work.Add(async () => { await gate.WaitAsync(); return 0; }));
        early.AddRange(work.Add(() => { Interlocked.Increment(ref started); return Task.FromResult(1); }));
        var third = work.Add(() => { Interlocked.Increment(ref started); gate.Release(); return Task.FromResult(2); }).ToList();
        var rest = work.Drain().ToList();

        Assert.Empty(early);
        Assert.Equal(new[] { 0, 1, 2 }, third.Concat(rest));
        Assert.Equal(2, started);
    }
}
