namespace Dintero.Emulator.Faults;

/// <summary>The faults scripted so far; each one is used up after its count of matching requests.</summary>
public sealed class FaultInjector
{
    private readonly List<Fault> faults = new();
    private readonly object gate = new();

    public void Add(Fault fault)
    {
        lock (gate)
        {
            fault.Remaining = fault.Times;
            if (fault.Share != null) fault.Draw = new Random(fault.Seed);
            faults.Add(fault);
        }
    }

    public void Clear()
    {
        lock (gate) faults.Clear();
    }

    /// <summary>The faults added so far, with how often each was applied.</summary>
    public IReadOnlyList<Fault> All
    {
        get { lock (gate) return faults.ToList(); }
    }

    /// <summary>The first fault that matches, is not used up and (for a share) is drawn for this request; counts this use.</summary>
    public Fault? Take(string method, string path)
    {
        lock (gate)
        {
            foreach (var fault in faults)
            {
                if (fault.Remaining == 0 || !fault.Matches(method, path)) continue;
                if (fault.Draw != null && fault.Draw.NextDouble() >= fault.Share) continue;
                if (fault.Remaining > 0) fault.Remaining--;
                fault.Applied++;
                return fault;
            }
            return null;
        }
    }
}
